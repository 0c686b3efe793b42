# offload fuzz seed 1020
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc replace dev eth0 ingress_block 2 egress_block 7 clsact
tc qdisc show dev eth0
ethtool -K eth0 hw-tc-offload off
tc filter add block 7 prio 49152 bpf bytecode '1,6 0 0 4294967295,' skip_sw da
echo N > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_accept
ethtool -K eth0 hw-tc-offload on
tc filter change dev eth0 ingress pref 49152 handle 2 bpf bytecode '1,6 0 0 4294967295,' skip_sw
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
ethtool -K eth9 hw-tc-offload off
tc -d filter show dev eth0 root prio 49152
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter del block 2 prio 49152 handle 1 bpf
tc filter add block 2 prio 5 bpf bytecode '1,6 0 0 2,' skip_hw classid 1:7
tc filter show block 2
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_xdpoffload_accept
tc qdisc add dev eth0 ingress_block 7 clsact
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
tc filter add block 7 priority 49152 bpf bc '1,6 0 0 0,' action gact reclassify index 5 skip_sw
tc filter get block 7 protocol all pref 3 handle 1 bpf
tc filter add block 2 pref 5 bpf object-file $PROGS/tc_pass.o section classifier classid 1:7 skip_hw
ethtool -K eth0 hw-tc-offload off
tc qdisc replace dev eth0 ingress_block 7 ingress
tc filter add block 2 prio 2 bpf bytecode '1,6 0 0 1,' skip_sw action pass
tc qdisc del dev eth0 clsact
