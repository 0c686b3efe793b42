# offload fuzz seed 108
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 1 egress_block 7 clsact
tc qdisc add dev eth0 clsact
echo 1 > /sys/bus/netdevsim/del_device
ip link set dev nosuch xdpoffload obj $PROGS/xdp_pass.o sec xdp
echo "2 1" > /sys/bus/netdevsim/new_device
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc filter show dev eth1 ingress
tc qdisc del dev eth0 ingress
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
tc filter del dev eth1 ingress prio 2
tc qdisc add dev eth1 egress_block 7 clsact
tc -s filter show block 7
tc filter add block 7 handle 0x20 bpf da obj $PROGS/tc_classid.o verbose
ethtool -K eth0 hw-tc-offload on
tc -p -j filter show dev eth0 ingress chain 0
