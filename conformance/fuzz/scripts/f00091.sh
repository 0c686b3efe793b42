# offload fuzz seed 91
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc filter show dev eth0 egress prio 1
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter del dev eth0 egress
tc -s filter show dev eth0 parent ffff:
tc qdisc del dev eth0 clsact
ip link set dev eth0 down
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter add dev eth9 ingress pref 3 handle 2 bpf obj $PROGS/tc_classid.o sec tc skip_sw da
tc filter add dev eth0 ingress pref 5 flower
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_xdpoffload_accept
tc -s -j filter show dev eth0 ingress
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress
tc filter replace dev eth0 parent ffff: prio 1 handle 1 bpf obj $PROGS/tc_pass.o sec classifier skip_sw da
tc qdisc del dev eth0 ingress
tc filter replace dev eth0 parent ffff: pref 5 handle 7 bpf obj $PROGS/tc_pass.o skip_sw da
tc filter add dev eth0 parent ffff: chain 1 pref 10 handle 1 bpf bytecode '1,6 0 0 0,' skip_sw classid 1:2
tc qdisc add dev eth0 ingress_block 1 clsact
tc chain show dev eth0 root
tc -s filter show block 1
ethtool -K eth0 hw-tc-offload on
tc filter add block 1 chain 0 pref 3 handle 0x20 bpf
tc filter change block 1 prio 1 handle 1 bpf obj $PROGS/tc_classid.o sec tc skip_hw da
tc qdisc show dev eth0 clsact
