# offload fuzz seed 39
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 1 clsact
tc -d filter show dev eth0 ingress
echo 2 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
ip link set dev eth0 xdpoffload off
tc filter show dev eth0 egress
ethtool -k eth0
tc -p -j filter show dev eth0 egress
tc filter show dev eth0 ingress
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec nosuch
tc qdisc replace dev eth0 ingress_block 1 ingress
ethtool -K eth0 hw-tc-offload on
echo 1 > /sys/bus/netdevsim/del_device
tc filter replace dev nosuch parent ffff: prio 2 handle 2 bpf obj $PROGS/tc_classid.o sec tc da
ip link set dev nosuch xdpoffload obj $PROGS/xdp_pass.o sec xdp
ethtool -K nosuch hw-tc-offload on
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc qdisc del dev eth0 parent ffff:
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
tc qdisc show dev eth9
ip link set dev eth9 up
tc filter replace dev nosuch ingress chain 0 bpf obj $PROGS/tc_classid.o skip_hw da
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_accept
