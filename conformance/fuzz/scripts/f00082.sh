# offload fuzz seed 82
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
tc qdisc replace dev eth0 ingress_block 1 ingress
tc filter add block 1 prio 1 handle 0x20 protocol ipv6 bpf obj $PROGS/tc_classid.o skip_sw da
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
ethtool -K eth0 hw-tc-offload off
tc filter add dev eth0 ingress pref 5 handle 1 bpf bytecode '1,6 0 0 2,' skip_hw
tc filter add block 1 pref 49152 handle 0x20 bpf obj $PROGS/tc_classid.o skip_sw da
tc filter add dev eth0 ingress prio 49152 handle 0x20 bpf obj $PROGS/tc_classid.o sec tc skip_hw da
tc filter del dev eth0 ingress
tc filter add dev eth0 parent ffff:fff3 prio 2 handle 7 bpf bytecode '1,6 0 0 2,' skip_sw
echo 1 > /sys/bus/netdevsim/del_device
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f00082_0 type classifier
tc filter add dev nosuch egress prio 5 bpf fd /sys/fs/bpf/f00082_0 skip_sw da
tc -s filter show dev eth9 egress chain 1
