# offload fuzz seed 112
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 2 ingress
tc filter replace block 2 pref 10 handle 1 protocol ip bpf obj $PROGS/tc_pass.o sec classifier skip_hw classid 1:4
ethtool -K eth0 hw-tc-offload on
tc -s filter show dev eth0 egress
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter add dev eth0 ingress pref 3 handle 7 bpf obj $PROGS/tc_pass.o sec classifier da
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f00112_0 type classifier
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bound_progs/0/state
ip link set dev eth0 xdpoffload off
tc -p -j qdisc show dev eth0
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter del block 2 prio 3 handle 1 bpf
tc filter change block 2 prio 3 handle 7 bpf obj $PROGS/tc_classid.o da
tc -p -j qdisc show dev eth0 clsact
tc filter del dev eth0 ingress prio 1 handle 1 bpf
tc filter replace dev eth0 parent 1: pref 1 bpf obj /nonexistent.o skip_sw
tc filter show block 2
tc qdisc show
tc filter replace block 2 prio 10 handle 0x20 bpf obj /nonexistent.o skip_sw
bpftool prog show pinned /sys/fs/bpf/f00112_0
tc filter replace dev eth0 ingress chain 0 pref 1 handle 7 bpf obj $PROGS/tc_pass.o skip_hw classid 1:9 da
tc filter add block 2 prio 3 bpf fd /sys/fs/bpf/f00112_0 skip_sw da
tc -d filter show dev eth0 egress
tc filter show block 2
