# offload fuzz seed 129
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
echo "2 2" > /sys/bus/netdevsim/new_device
ethtool -K eth1 hw-tc-offload on
ip link set eth2 up
ip link add vethA type veth peer name vethB
ip link set vethA up
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth3 up
ethtool -K eth3 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 5 ingress
tc qdisc replace dev vethB ingress
tc qdisc add dev eth3 clsact
tc filter add dev eth1 egress pref 10 bpf obj $PROGS/tc_classid.o sec tc da classid 1:3
tc chain show dev eth3 root
tc filter add block 5 pref 5 handle 2 bpf obj $PROGS/tc_classid.o da
tc filter add dev eth0 ingress pref 3 protocol all bpf bytecode '1,4 0 0 0,' skip_sw
tc filter show dev eth2 egress
tc qdisc show dev nosuch clsact
tc -s filter show dev vethB ingress
tc filter del dev eth0 ingress prio 10 handle 2 bpf
tc filter add dev eth2 ingress pref 49152 handle 0x20 bpf obj $PROGS/tc_classid.o skip_sw da
ip link set dev eth3 xdpoffload obj $PROGS/xdp_pass.o sec xdp
tc filter show block 5
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00129_0 type classifier
tc qdisc add dev vethB ingress
echo N > /sys/kernel/debug/netdevsim/netdevsim3/ports/1/bpf_tc_accept
