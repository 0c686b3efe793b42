# offload fuzz seed 1040
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc filter del dev eth0 ingress chain 2 prio 49152 handle 2 bpf
tc -s qdisc show dev eth0 clsact
tc filter show dev eth0 ingress
tc filter add dev eth0 ingress prio 49152 handle 1 bpf skip_sw
tc filter del dev eth0 egress
echo 1 > /sys/bus/netdevsim/del_device
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_accept
tc qdisc replace dev eth0 clsact
tc filter replace dev eth9 egress prio 49152 bpf bytecode '1,6 0 0 4294967295,'
tc filter add dev nosuch ingress pref 3 bpf bytecode '1,6 0 0 2,' skip_hw classid 1:5
tc qdisc del dev eth0 clsact
tc filter replace dev eth9 ingress preference 49152 bpf bc '1,6 0 0 0,' action jump 1 action drop skip_hw
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter add block 5 prio 3 matchall action drop
cat /sys/bus/netdevsim/del_device
ethtool -K eth9 tc-offload on
tc -j filter show dev nosuch ingress
tc filter add dev nosuch egress prio 3 handle 7 bpf bytecode '1,6 0 0 0,' skip_sw classid 1:2
