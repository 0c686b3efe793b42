# offload fuzz seed 242
echo "1 1" > /sys/bus/netdevsim/new_device
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc -j filter show dev eth0 egress
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_xdpoffload_accept
tc chain show dev eth0 egress
tc filter change dev eth0 ingress pref 2 handle 7 bpf obj $PROGS/tc_pass.o sec classifier da
tc qdisc add dev eth0 ingress_block 5 clsact
tc -d filter show dev eth0 ingress chain 0
tc -s filter show dev eth0 ingress
tc filter show dev eth0 egress
tc filter change dev eth0 parent ffff: prio 2 handle 2 bpf bytecode '1,6 0 0 1,'
