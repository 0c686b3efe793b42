# offload fuzz seed 158
echo "1 2" > /sys/bus/netdevsim/new_device
ethtool -K eth0 hw-tc-offload on
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
ip link add vethA type veth peer name vethB
ip link set vethA up
tc qdisc replace dev eth0 egress_block 2 clsact
tc qdisc add dev eth1 ingress
tc qdisc change dev vethA ingress_block 1 clsact
tc qdisc add dev vethB ingress
tc -j qdisc show dev vethA
tc -j filter show block 2
tc filter delete dev vethB ingress chain 0
tc qdisc add dev eth0 ingress_block 7 ingress
tc qdisc del dev vethA ingress
tc qdisc del dev eth2 ingress
tc qdisc show dev eth2
ip link set dev eth1 xdpoffload obj $PROGS/xdp_pass.o sec xdp
tc qdisc del dev eth1 clsact
tc -s -d filter show block 2
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth3 up
ethtool -K eth3 hw-tc-offload on
tc qdisc del dev eth2 clsact
tc filter add block 2 chain 2 prio 10 handle 7 bpf skip_sw da obj $PROGS/tc_pass.o sec classifier
tc filter del block 2 prio 10
tc filter add block 2 pref 1 bpf bytecode '1,6 0 0 1,' skip_sw
tc qdisc add dev eth0 clsact
