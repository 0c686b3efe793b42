# offload fuzz seed 2009
echo "1 2" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth0 clsact
tc qdisc add dev eth1 egress_block 7 clsact
tc filter add block 7 preference 2 bpf bytecode '1,6 0 0 0,' action trap
tc filter delete block 7 prio 2 handle 0x20 bpf
ethtool -K eth1 hw-tc-offload off
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc -d filter show dev eth1 egress prio 2
tc filter add dev eth2 egress prio 3 handle 2 bpf bytecode '1,6 0 0 0,'
tc filter del dev eth0 ingress prio 1 handle 0x20 bpf
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_xdpoffload_accept
tc filter add block 7 pref 1 bpf bytecode '1,6 0 0 0,' skip_hw
tc filter add dev eth1 egress prio 2 handle 7 bpf obj $PROGS/tc_classid.o sec tc skip_sw da
