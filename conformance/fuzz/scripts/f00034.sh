# offload fuzz seed 34
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
echo "2 2" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
ip link add vethA type veth peer name vethB
ip link set vethA up
tc qdisc replace dev eth0 ingress_block 1 clsact
tc qdisc replace dev eth2 egress_block 3 clsact
tc qdisc add dev vethA ingress_block 7 egress_block 7 clsact
tc qdisc replace dev vethB ingress_block 5 ingress
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
tc -j filter show block 3
tc filter del dev eth1 parent ffff:
tc -d filter show dev eth0 ingress
tc filter del block 5
tc filter add block 7 prio 5 bpf obj $PROGS/tc_classid.o sec tc skip_sw da classid 1:8
ethtool -K vethB hw-tc-offload off
tc qdisc del dev eth1 ingress
ip link set dev eth2 xdpoffload off
tc filter show dev vethA egress
echo N > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_accept
tc filter get block 5 protocol all pref 3 handle 0x20 bpf
tc -s qdisc show dev eth2
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth3 up
ethtool -K eth3 hw-tc-offload on
tc filter show dev vethA ingress
tc -j qdisc show
tc filter replace dev vethA ingress prio 5 handle 0x20 bpf bytecode '1,6 0 0 4294967295,'
