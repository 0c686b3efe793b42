# offload fuzz seed 102
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 clsact
tc -s filter show dev eth0 ingress
tc filter add dev eth0 ingress pref 49152 bpf obj $PROGS/tc_pass.o da
ethtool -K eth0 tc-offload off
echo 1 > /sys/bus/netdevsim/del_device
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc -j filter show dev eth9 egress
tc filter del dev eth9 ingress prio 49152 handle 1 bpf
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter show dev nosuch ingress
tc qdisc add dev eth0 ingress_block 2 clsact
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc -s -d filter show dev nosuch egress
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter add dev eth9 egress chain 1 pref 5 bpf skip_hw bytecode '1,6 0 0 2,'
tc filter add dev nosuch ingress flower action drop
tc filter add dev nosuch root pref 2 bpf obj $PROGS/tc_pass.o skip_hw da
tc qdisc add dev eth0 clsact
tc filter add dev eth9 ingress pref 49152 protocol 802.1q u32 match u32 0 0
tc filter replace dev nosuch parent ffff: prio 2 bpf obj $PROGS/tc_pass.o sec nosuch skip_sw
ip -j link show nosuch
tc -p -j filter show dev nosuch egress
tc filter add dev nosuch ingress chain 1 bpf bytecode '1,6 0 0 1,' skip_sw
