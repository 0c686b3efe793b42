# offload fuzz seed 139
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
tc qdisc replace dev eth0 ingress
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc qdisc change dev eth0 ingress_block 1 ingress
tc qdisc add dev eth0 ingress
tc filter add dev eth0 ingress pref 49152 handle 1 bpf obj $PROGS/tc_pass.o sec classifier skip_sw skip_hw da classid 1:7
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc -d filter show dev eth0 egress
tc filter add dev eth0 egress prio 1 handle 2 bpf bytecode '1,6 0 0 2,' skip_sw
tc filter add dev eth0 ingress prio 5 handle 7 bpf da obj $PROGS/tc_pass.o sec classifier skip_sw
ip link show eth0
