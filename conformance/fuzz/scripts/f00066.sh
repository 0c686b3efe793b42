# offload fuzz seed 66
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 clsact
tc -d filter show block 1
ethtool -K eth0 hw-tc-offload off
ip link set dev eth0 xdpoffload off
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00066_0 type classifier
tc filter add dev eth0 ingress prio 49152 bpf bytecode '1,6 0 0 2,' skip_hw action continue
tc filter change dev eth0 egress pref 3 handle 0x20 bpf bytecode '1,6 0 0 1,' skip_sw
tc filter add dev eth0 egress chain 2 pref 3 handle 1 bpf bytecode '1,6 0 0 4294967295,' skip_sw
tc filter replace block 1 prio 49152 bpf bytecode '1,6 0 0 1,'
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter replace dev eth0 parent ffff:fff3 pref 49152 bpf obj $PROGS/tc_classid.o sec tc skip_hw da
tc filter del dev eth0 ingress
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00066_1 type classifier dev eth0
tc qdisc add dev eth0 ingress_block 1 clsact
tc filter del dev eth0 ingress
tc filter change block 9 chain 2 pref 49152 handle 0x20 bpf bytecode '1,6 0 0 4294967295,' skip_sw
