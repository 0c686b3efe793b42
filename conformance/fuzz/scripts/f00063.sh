# offload fuzz seed 63
echo "1 1" > /sys/bus/netdevsim/new_device
ethtool -K eth0 hw-tc-offload on
ip link add vethA type veth peer name vethB
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev vethA ingress_block 2 egress_block 7 clsact
tc qdisc add dev vethB ingress_block 5 clsact
echo 1 > /sys/bus/netdevsim/del_device
echo "3 2" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link set eth2 up
tc filter add block 5 chain 2 prio 2 bpf obj $PROGS/tc_classid.o sec tc skip_hw da
tc filter del dev vethB ingress prio 2
ip link set eth2 down
tc filter delete dev eth0 ingress prio 3
tc qdisc show
tc filter add dev eth1 egress pref 3 bpf bytecode '1,6 0 0 1,' skip_sw
ip link show vethA
tc filter show block 7
tc filter del block 7 prio 3
tc -s filter show dev eth0 egress
