# offload fuzz seed 190
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 5 clsact
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_accept
tc qdisc add dev eth0 ingress_block 2 clsact
tc qdisc replace dev eth0 clsact
tc -d filter show dev eth0 egress
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
tc filter add block 5 pref 10 bpf obj $PROGS/xdp_pass.o sec xdp skip_sw
tc filter add dev eth0 parent ffff: pref 3 handle 1 bpf obj $PROGS/tc_classid.o sec tc da
tc qdisc change dev eth0 egress_block 7 clsact
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_accept
ethtool -K eth0 hw-tc-offload on
tc filter add dev eth0 ingress bpf bytecode '1,4 0 0 0,' skip_sw
