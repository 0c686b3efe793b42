# quirk B: a failed bind's replay-remove clears in_hw although eth0 still holds the program
echo "1 1" > /sys/bus/netdevsim/new_device
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ip link set eth1 up
ethtool -K eth0 hw-tc-offload on
ethtool -K eth1 hw-tc-offload on
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
echo Y > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_non_bound_accept
ip link set dev eth1 xdpoffload obj $PROGS/xdp_pass.o sec xdp
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
tc qdisc add dev eth0 ingress_block 7 ingress
tc filter add block 7 prio 1 bpf bytecode '1,6 0 0 0,' skip_sw
tc filter show block 7
tc qdisc add dev eth1 ingress_block 7 ingress
tc filter show block 7
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter add block 7 prio 2 bpf bytecode '1,6 0 0 1,'
tc filter show block 7
ip link set dev eth1 xdpoffload off
