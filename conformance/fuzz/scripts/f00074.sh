# offload fuzz seed 74
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
tc qdisc add dev eth0 ingress_block 1 ingress
tc qdisc add dev eth1 ingress_block 5 egress_block 7 clsact
tc qdisc replace dev eth0 ingress_block 2 clsact
echo "3 1" > /sys/bus/netdevsim/new_device
ethtool -K eth2 hw-tc-offload on
echo N > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_accept
tc filter show block 7
echo 2 > /sys/bus/netdevsim/del_device
tc qdisc add dev eth2 ingress_block 2 ingress
ethtool -K eth0 hw-tc-offload on
tc filter replace dev eth0 parent ffff:fff3 prio 3 handle 1 bpf bytecode '1,6 0 0 4294967295,' skip_sw
tc qdisc add dev eth2 ingress_block 2 clsact
ethtool -K eth2 hw-tc-offload off
tc filter add block 2 prio 5 protocol ip bpf obj $PROGS/tc_classid.o sec tc verbose skip_hw da
