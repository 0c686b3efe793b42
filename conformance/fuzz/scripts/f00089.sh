# offload fuzz seed 89
echo "1 1" > /sys/bus/netdevsim/new_device
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth0 ingress
tc qdisc add dev eth1 ingress_block 7 clsact
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter add dev eth0 parent ffff: pref 49152 matchall skip_sw action drop
ip link set dev eth1 xdpoffload obj $PROGS/xdp_pass.o sec xdp
tc qdisc del dev eth1 ingress
tc filter replace block 7 pref 49152 handle 7 bpf obj $PROGS/tc_classid.o sec tc skip_sw skip_sw da action gact drop
ethtool -K eth1 hw-tc-offload on
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
ethtool -K eth0 hw-tc-offload on
ip link set dev eth0 xdpoffload off
tc filter show dev eth1 egress
ethtool -K eth1 hw-tc-offload on
tc -j qdisc show dev eth1 ingress
tc filter del block 7 prio 49152
tc qdisc add dev eth0 ingress_block 7 ingress
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter add block 7 prio 10 bpf bytecode '1,6 0 0 2,' da classid 1:6
tc -s filter show dev eth1 ingress
tc chain show dev eth1 ingress
