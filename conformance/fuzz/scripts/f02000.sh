# offload fuzz seed 2000
echo "1 2" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link set eth1 up
tc qdisc replace dev eth0 ingress
tc qdisc add dev eth1 ingress
tc qdisc show dev eth0 ingress
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f02000_0 type classifier dev eth0
tc filter add dev eth1 ingress chain 0 pref 10 bpf bytecode '1,6 0 0 4294967295,' skip_sw da
tc filter add dev eth0 ingress prio 5 bpf bytecode '1,6 0 0 0,'
tc -j filter show dev eth1 parent ffff:
ip link set dev eth1 xdpoffload obj $PROGS/xdp_pass.o sec xdp
tc qdisc show dev eth0
tc filter show dev eth0 ingress
ip link set dev eth0 xdpoffload off
tc filter show dev eth0 egress
