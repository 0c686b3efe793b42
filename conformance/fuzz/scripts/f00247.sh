# offload fuzz seed 247
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
tc qdisc add dev eth0 ingress
tc qdisc add dev eth0 ingress_block 1 egress_block 3 clsact
tc filter show dev eth0 ingress
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter add dev eth0 ingress prio 49152 bpf bytecode '1,6 0 0 1,' skip_sw action gact pass index 3
tc filter add dev eth0 ingress prio 5 handle 7 protocol arp bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
tc qdisc show
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
echo 1 > /sys/kernel/debug/netdevsim/netdevsim2/bpf_bind_verifier_accept
tc qdisc replace dev eth1 ingress_block 1 egress_block 3 clsact
tc filter del dev eth1 ingress prio 49152 handle 2 bpf
tc chain show block 3
tc qdisc add dev eth0 clsact
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_non_bound_accept
tc -j filter show block 3
ip link set dev eth1 up
tc qdisc change dev eth0 ingress_block 2 ingress
ethtool -K eth1 hw-tc-offload off
tc -s filter show block 3
tc filter del dev eth0 root prio 5
tc filter add block 9 pref 2 handle 7 bpf bytecode '1,6 0 0 2,' skip_sw
tc filter replace block 3 chain 0 prio 5 handle 1 protocol arp bpf bytecode '1,6 0 0 2,' skip_hw da
tc filter add block 1 prio 1 bpf bytecode '2,177 0 0 0,6 0 0 0,'
tc filter add dev eth1 parent ffff: prio 10 bpf obj $PROGS/tc_classid.o da skip_sw
