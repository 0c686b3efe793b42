# offload fuzz seed 77
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
tc qdisc add dev eth0 ingress_block 7 egress_block 3 clsact
tc qdisc add dev eth1 ingress_block 1 ingress
tc qdisc add dev eth2 ingress_block 2 clsact
tc qdisc replace dev eth0 egress_block 7 clsact
tc filter add dev eth1 parent ffff:fff3 pref 5 bpf obj $PROGS/tc_pass.o sec nosuch skip_sw
tc chain show dev eth2 egress
tc filter del block 3
tc filter add dev eth0 ingress pref 5 handle 2 bpf obj $PROGS/tc_classid.o sec tc skip_sw
echo N > /sys/kernel/debug/netdevsim/netdevsim3/ports/0/bpf_tc_accept
tc -s filter show block 1 prio 5
echo "4 1" > /sys/bus/netdevsim/new_device
ip link set eth3 up
ethtool -K eth3 hw-tc-offload on
tc filter add block 7 pref 2 bpf bytecode '1,6 0 0 0,' skip_hw
echo 4 > /sys/bus/netdevsim/del_device
tc -j filter show block 3
tc filter add dev eth0 ingress prio 10 handle 1 bpf bytecode '1,6 0 0 1,'
ethtool -K eth1 hw-tc-offload on
echo 0 > /sys/kernel/debug/netdevsim/netdevsim2/bpf_bind_verifier_delay
