# offload fuzz seed 109
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc replace dev eth0 ingress_block 2 ingress
ethtool -K eth0 hw-tc-offload off
tc filter add dev eth0 ingress prio 5 bpf obj $PROGS/tc_pass.o da
tc -s filter show dev eth0 ingress
tc -s filter show dev eth0 root
tc filter add block 2 prio 3 bpf obj $PROGS/tc_classid.o skip_sw da action drop
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter add dev eth0 ingress prio 49152 handle 2 protocol ipv6 bpf bytecode '1,6 0 0 4294967295,' skip_sw action gact pass index 3
ip link set dev eth0 up
echo 1 > /sys/bus/netdevsim/del_device
tc filter show dev nosuch ingress
ethtool -K nosuch hw-tc-offload off
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
echo "2 1" > /sys/bus/netdevsim/new_device
ethtool -K eth0 hw-tc-offload on
tc qdisc change dev eth0 ingress
echo 200 > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_delay
tc filter add dev nosuch parent ffff: pref 49152 handle 0x20 bpf obj $PROGS/tc_pass.o sec classifier skip_sw da
echo 2 > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_non_bound_accept
tc qdisc del dev eth0 ingress
tc -d filter show dev eth0 egress prio 3
