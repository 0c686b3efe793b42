# offload fuzz seed 126
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
ip link add vethA type veth peer name vethB
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc qdisc add dev eth1 ingress_block 1 ingress
tc qdisc add dev vethA ingress_block 7 ingress
tc qdisc add dev eth2 ingress_block 2 egress_block 7 clsact
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_accept
tc qdisc add dev eth0 ingress_block 2 clsact
ip link set dev eth0 xdpoffload off
tc filter del dev eth1 egress prio 2
tc filter show dev eth2 root
echo N > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_accept
tc qdisc replace dev eth2 ingress_block 5 ingress
tc qdisc del dev vethB clsact
tc filter add block 1 chain 0 prio 5 bpf bytecode '1,6 0 0 2,' skip_sw classid 1:4
echo N > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_accept
tc qdisc add dev eth1 ingress
ethtool -k eth1
tc qdisc replace dev eth0 ingress_block 7 egress_block 7 clsact
tc filter change block 2 pref 2 bpf obj $PROGS/tc_classid.o sec tc skip_sw skip_sw
tc chain show dev eth0 parent ffff:
tc -j filter show block 1
ethtool -K vethB hw-tc-offload off
ethtool -K eth1 hw-tc-offload on
tc filter delete block 1 prio 5 handle 0x20 bpf
cat /sys/kernel/debug/netdevsim/netdevsim2/bpf_bound_progs/1/loaded
tc -j qdisc show dev eth0 ingress
