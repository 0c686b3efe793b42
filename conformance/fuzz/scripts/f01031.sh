# offload fuzz seed 1031
echo "1 1" > /sys/bus/netdevsim/new_device
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
tc qdisc add dev eth0 ingress_block 2 egress_block 2 clsact
tc -j qdisc show
echo 1 > /sys/bus/netdevsim/del_device
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter del dev eth1 ingress prio 3
tc qdisc replace dev eth1 ingress_block 2 clsact
tc filter show block 2
tc filter add block 2 pref 10 bpf obj $PROGS/tc_classid.o sec tc da
tc filter show block 2 chain 2
ethtool -K eth1 hw-tc-offload on
tc -d filter show dev eth1 egress
tc filter del block 2 prio 3 handle 0x20 bpf
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
