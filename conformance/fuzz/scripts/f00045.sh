# offload fuzz seed 45
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link add vethA type veth peer name vethB
ip link set vethA up
tc qdisc replace dev eth0 egress_block 3 clsact
tc qdisc add dev vethB ingress
tc filter del dev eth0 ingress
ip link set dev vethB xdpoffload obj $PROGS/xdp_pass.o sec nosuch
tc filter replace dev vethA ingress pref 49152 handle 7 bpf obj $PROGS/tc_pass.o sec classifier skip_sw da
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc -j filter show block 5
tc filter change block 3 prio 49152 handle 2 bpf bytecode '1,6 0 0 1,' skip_sw skip_hw
ethtool -K vethA hw-tc-offload off
tc qdisc add dev eth0 clsact
ethtool -K eth0 tc-offload on
tc qdisc del dev vethB ingress
tc qdisc show dev vethB
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc -s qdisc show dev vethA
tc filter add dev eth9 egress pref 10 protocol arp bpf obj $PROGS/tc_classid.o sec tc
tc qdisc del dev eth0 clsact
