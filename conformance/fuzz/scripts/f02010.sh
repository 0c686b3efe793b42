# offload fuzz seed 2010
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 7 clsact
tc filter del block 7 prio 10 handle 1 bpf
tc filter show block 7 chain 2
tc filter add block 9 pref 1 bpf obj $PROGS/tc_pass.o sec nosuch skip_sw
tc filter delete block 7
tc filter replace block 7 prio 1 handle 1 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw da
tc -j filter get dev eth9 root protocol all pref 5 handle 0x20 bpf
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
ethtool -K eth0 hw-tc-offload on
tc filter add block 7 chain 1 pref 2 handle 7 bpf bytecode '2,177 0 0 0,6 0 0 0,'
tc -j qdisc show dev eth0
echo 2 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_xdpoffload_accept
tc filter add block 7 pref 5 handle 2 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
tc filter add block 7 pref 5 handle 0x20 bpf obj $PROGS/tc_pass.o sec classifier skip_hw classid 1:8
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f02010_0 type classifier
ethtool -K eth0 tc-offload on
tc -s filter show block 7
tc filter add block 7 pref 49152 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw classid 1:7
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_xdpoffload_accept
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter change dev eth0 egress pref 2 handle 1 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
tc filter add dev eth0 egress prio 49152 bpf fd /sys/fs/bpf/f02010_0 skip_sw da
tc filter show dev eth0 ingress
tc qdisc add dev eth0 ingress_block 5 egress_block 3 clsact
tc filter replace block 7 pref 49152 bpf bc '1,6 0 0 0,' action jump 1 action drop skip_sw
