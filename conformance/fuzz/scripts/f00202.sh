# offload fuzz seed 202
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ethtool -K eth1 hw-tc-offload on
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc qdisc replace dev eth0 ingress_block 7 ingress
tc qdisc replace dev eth2 ingress
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
echo "4 1" > /sys/bus/netdevsim/new_device
ip link set eth3 up
ethtool -K eth3 hw-tc-offload on
ethtool -K eth1 hw-tc-offload off
tc filter del dev eth2 egress prio 10 handle 2 bpf
tc qdisc replace dev eth2 ingress ingress_block 5
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00202_0 type classifier dev eth3
ip link set dev eth1 down
tc -j qdisc show dev eth1
tc -d filter show block 7
echo "5 1" > /sys/bus/netdevsim/new_device
ip link set eth4 up
tc chain show block 7
tc filter show dev eth3 egress
tc filter add block 7 chain 0 pref 1 bpf obj $PROGS/tc_classid.o skip_sw
