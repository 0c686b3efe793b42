# offload fuzz seed 221
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ip link add vethA type veth peer name vethB
tc qdisc add dev eth0 ingress_block 2 ingress
tc qdisc replace dev vethA ingress_block 1 ingress
echo 2 > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_accept
tc filter add block 1 prio 5 handle 1 flower action drop
tc filter replace dev vethB ingress prio 5 handle 2 bpf obj $PROGS/tc_pass.o sec nosuch skip_sw da
tc qdisc show dev vethA
ip link del vethA
tc -d filter show block 2
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
ethtool -k eth0
tc filter replace dev eth0 ingress chain 1 pref 5 handle 7 bpf bytecode '1,6 0 0 0,' skip_sw
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter add dev nosuch ingress prio 10 bpf bytecode '1,6 0 0 1,' skip_sw
tc filter add block 2 prio 2 bpf bytecode '1,6 0 0 0,' skip_hw da
tc -s filter show dev eth0 ingress
