# offload fuzz seed 188
echo "1 2" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ethtool -K eth2 hw-tc-offload on
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth3 up
ethtool -K eth3 hw-tc-offload on
tc qdisc replace dev eth0 ingress_block 7 ingress
tc qdisc add dev eth1 egress_block 3 clsact
tc qdisc add dev eth2 ingress_block 7 ingress
tc qdisc replace dev eth3 egress_block 3 clsact
echo 1 > /sys/kernel/debug/netdevsim/netdevsim3/ports/0/bpf_tc_accept
tc filter add dev eth2 ingress prio 1 matchall action drop
ip link set eth3 up
tc qdisc replace dev eth3 ingress_block 1 egress_block 7 clsact
tc filter add dev eth2 ingress bpf skip_hw obj $PROGS/tc_pass.o sec nosuch
tc qdisc del dev eth0 ingress
echo N > /sys/kernel/debug/netdevsim/netdevsim2/ports/1/bpf_xdpoffload_accept
ip link set dev eth2 xdpoffload obj $PROGS/xdp_pass.o sec xdp
tc filter show dev eth3 egress
tc -j qdisc show dev eth2
echo "4 1" > /sys/bus/netdevsim/new_device
ip link set eth4 up
ethtool -K eth4 hw-tc-offload on
tc filter show block 3
