# offload fuzz seed 87
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc replace dev eth0 egress_block 3 clsact
tc qdisc replace dev eth0 ingress
tc filter delete block 3 prio 49152
tc filter del dev eth0 ingress
tc filter add dev eth0 ingress chain 2 pref 5 handle 7 bpf bytecode '1,6 0 0 1,' skip_sw
tc filter del block 3 prio 5 handle 0x20 bpf
tc qdisc del dev eth0 clsact
ip -force link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
tc filter add dev eth0 root pref 1 handle 0x20 bpf obj $PROGS/tc_pass.o
tc filter add dev eth0 ingress pref 5 bpf bytecode '1,21 0 5 0,' da classid 1:4
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc -s filter show dev eth0 ingress
echo 1 > /sys/bus/netdevsim/del_device
tc chain show dev eth9 ingress
tc -d filter show dev nosuch egress
tc filter replace dev eth9 ingress pref 1 bpf bytecode '1,6 0 0' skip_sw da
ethtool -K eth9 tc-offload on
tc -p -j qdisc show dev nosuch
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc qdisc show
tc qdisc add dev eth0 ingress_block 2 egress_block 3 clsact
ethtool -K eth9 hw-tc-offload on
tc filter add dev eth9 parent ffff: pref 2 handle 0x20 bpf bytecode '1,6 0 0 2,' skip_sw
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc -d filter show dev nosuch egress
tc filter replace dev nosuch ingress prio 49152 handle 7 bpf obj $PROGS/xdp_pass.o sec xdp
