# TC and XDP offload share netdevsim's one slot
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
tc filter add dev eth0 ingress prio 1 bpf skip_sw da obj $PROGS/tc_pass.o sec classifier
ip link set dev eth0 xdpoffload off
tc filter add dev eth0 ingress prio 1 bpf skip_sw da obj $PROGS/tc_pass.o sec classifier
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
tc filter show dev eth0 ingress
