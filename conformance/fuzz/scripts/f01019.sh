# offload fuzz seed 1019
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc replace dev eth0 ingress_block 5 ingress
tc filter show block 5 chain 0
tc filter replace dev eth0 egress chain 2 prio 5 handle 1 bpf obj $PROGS/tc_classid.o sec tc skip_sw da
ip link set dev eth0 down
tc filter show block 5
tc -s -d -j filter show dev eth0 ingress
echo 2 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter add block 5 pref 3 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw action pass
tc -p -j filter show dev eth0 ingress
tc filter add dev eth0 ingress pref 49152 bpf obj /nonexistent.o classid 1:3
ip link set eth0 down
tc filter del dev eth0 ingress chain 2 prio 5
tc -s -j filter show block 5
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter add dev eth0 ingress prio 1 handle 1 protocol ipv6 bpf obj $PROGS/xdp_pass.o sec xdp
ip link set dev eth0 xdpoffload off
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter add dev eth0 egress chain 0 pref 3 handle 7 protocol ipv6 bpf bytecode '1,6 0 0 1,' skip_hw da
ethtool -K eth0 hw-tc-offload on
tc -p -j filter show dev eth0 egress
echo N > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
