# offload fuzz seed 199
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link add vethA type veth peer name vethB
tc qdisc replace dev eth0 ingress_block 7 ingress
tc qdisc add dev vethA ingress_block 7 clsact
tc qdisc add dev vethB ingress
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00199_0 type classifier
ethtool -K eth0 tc-offload on
tc filter del dev vethB ingress prio 1
tc qdisc add dev vethA ingress_block 7 egress_block 2 clsact
tc chain show dev eth0 parent 1:
tc filter show block 7
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc filter del dev eth0 root prio 2
tc filter replace dev eth0 ingress prio 2 handle 7 flower
tc filter del block 7 prio 1
tc filter add block 7 pref 10 handle 0x20 bpf bytecode '1,6 0 0 0,' skip_sw
tc -s filter show dev vethA parent ffff:
