# offload fuzz seed 200
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 7 clsact
tc filter delete block 7 prio 5 handle 0x20 bpf
tc filter add block 7 prio 10 handle 0x20 bpf bytecode '1,6 0 0 1,'
echo N > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_accept
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00200_0 type classifier
tc filter add block 7 prio 1 bpf fd /sys/fs/bpf/f00200_0 skip_sw da
tc filter add dev eth0 ingress prio 10 bpf fd /sys/fs/bpf/f00200_0 skip_sw da
ip link set dev eth0 down
bpftool prog show pinned /sys/fs/bpf/f00200_0
tc filter add block 7 prio 5 bpf obj $PROGS/tc_pass.o sec nosuch skip_sw action gact drop
tc filter add dev eth0 ingress chain 0 bpf bytecode '1,6 0 0 0,' skip_sw
tc qdisc show dev eth0
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter add dev eth0 ingress chain 1 pref 10 protocol 802.1q bpf bytecode '1,6 0 0 2,' skip_sw
