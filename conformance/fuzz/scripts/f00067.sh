# offload fuzz seed 67
echo "1 1" > /sys/bus/netdevsim/new_device
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 2 clsact
tc -j filter get dev eth0 root protocol all pref 49152 handle 2 bpf
tc filter add block 2 pref 1 protocol arp bpf bytecode '1,6 0 0 4294967295,' skip_sw da
tc filter show dev eth0 ingress chain 2
tc qdisc add dev eth0 ingress_block 2 clsact
tc -s filter show block 2
tc qdisc add dev eth0 ingress_block 2 ingress
tc filter del dev eth0 ingress prio 10
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
tc filter del dev eth0 ingress prio 49152
tc filter get dev eth0 egress protocol all pref 10 handle 1 bpf
echo 2 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter add dev nosuch egress chain 1 prio 10 bpf bytecode '1,6 0 0 0,' skip_sw
tc -j filter show block 2
