# offload fuzz seed 228
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ethtool -K eth1 hw-tc-offload on
tc qdisc replace dev eth0 egress_block 3 clsact
tc qdisc change dev eth1 ingress_block 7 clsact
tc qdisc add dev eth1 ingress
tc qdisc del dev eth0 clsact
tc filter replace dev eth1 ingress chain 1 pref 49152 handle 0x20 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw da classid 1:8
ip link set eth1 up
tc qdisc show dev eth1
echo 1 > /sys/bus/netdevsim/del_device
tc filter show dev eth1 ingress
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter del dev eth1 ingress prio 49152
tc filter del dev eth1 ingress
tc qdisc show dev nosuch
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bound_progs/1/state
