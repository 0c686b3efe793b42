# offload fuzz seed 71
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
tc qdisc add dev eth0 ingress_block 5 clsact
tc filter del block 5 prio 2 handle 2 bpf
tc filter add block 5 pref 3 bpf bytecode '1,6 0 0 0,' skip_sw da
tc filter add block 5 prio 49152 bpf obj $PROGS/tc_pass.o sec classifier verbose skip_sw da
tc filter replace dev eth0 ingress pref 3 handle 7 bpf bytecode '1,6 0 0 4294967295,' skip_sw
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_xdpoffload_accept
tc -j qdisc show
ethtool -K eth0 hw-tc-offload off
tc -s filter show block 5
tc filter replace dev eth0 ingress chain 2 prio 49152 handle 7 bpf bytecode '1,6 0 0 4294967295,' skip_sw da
ip link set dev eth0 down
tc filter add dev eth0 ingress pref 3 bpf obj $PROGS/tc_pass.o sec classifier skip_sw da
tc filter del dev eth0 ingress prio 49152 handle 0x20 bpf
