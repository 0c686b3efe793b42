# offload fuzz seed 1003
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc replace dev eth0 ingress_block 1 clsact
tc qdisc add dev eth1 ingress_block 7 clsact
tc filter add block 7 handle 0x20 bpf obj $PROGS/tc_classid.o sec tc da action gact reclassify
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter del block 7
echo 2 > /sys/bus/netdevsim/del_device
echo "3 1" > /sys/bus/netdevsim/new_device
ethtool -K eth1 hw-tc-offload on
tc filter show dev eth0 ingress
tc filter show block 1 chain 1 prio 1
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
tc filter del dev eth1 ingress prio 1
tc filter add block 1 prio 2 bpf obj $PROGS/tc_pass.o sec nosuch da
tc -s -d -j filter show dev eth0 ingress
tc -s -d filter show block 1 prio 2
tc filter add block 1 prio 1 handle 1 bpf bytecode '1,6 0 0 4294967295,' skip_sw skip_sw
tc filter del dev eth1 egress prio 1
tc filter show block 1
tc qdisc add dev eth1 ingress
tc filter add dev eth1 egress pref 2 handle 7 bpf obj $PROGS/tc_pass.o sec classifier skip_sw da
tc filter add dev eth0 ingress prio 10 bpf bytecode '1,6 0 0 2,' skip_sw
echo 1 > /sys/bus/netdevsim/del_device
cat /sys/bus/netdevsim/new_device
tc filter add dev eth1 ingress pref 3 bpf bytecode '1,6 0 0 1,' skip_sw
tc qdisc add dev eth1 egress_block 3 clsact
ip link set dev eth1 xdpoffload obj $PROGS/xdp_pass.o sec xdp
