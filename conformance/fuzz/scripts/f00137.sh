# offload fuzz seed 137
echo "1 1" > /sys/bus/netdevsim/new_device
ethtool -K eth0 hw-tc-offload on
tc filter del dev eth0 ingress prio 49152
ip link set dev eth0 down
tc filter del dev eth0 ingress chain 1
tc qdisc add dev eth0 ingress_block 1 clsact
tc filter replace dev eth0 ingress pref 49152 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_hw da action ok
tc qdisc del dev eth0 clsact
tc filter add dev eth0 ingress pref 10 bpf obj $PROGS/tc_pass.o sec classifier verbose skip_sw da
tc -s filter show dev eth0 ingress
tc -s qdisc show dev eth0
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter del dev eth0 ingress prio 49152 handle 2 bpf
echo x > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_xdpoffload_accept
tc filter del dev eth0 ingress prio 49152 handle 0x20 bpf
tc filter replace dev eth0 ingress pref 49152 bpf bytecode '1,6 0 0' skip_sw
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00137_0 type classifier
tc filter add dev eth0 ingress bpf bytecode '1,6 0 0 2,' action ok
tc -d filter show dev eth0 egress chain 2
tc filter add dev eth0 parent ffff:fff3 handle 1 bpf skip_sw bytecode '2,177 0 0 0,6 0 0 0,'
tc -s filter show block 1
echo 2 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc -s qdisc show dev eth0 clsact
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
tc filter del dev eth0 parent ffff: prio 49152 handle 0x20 bpf
tc filter add dev eth0 ingress chain 0 prio 5 bpf obj $PROGS/tc_classid.o skip_sw da
