# offload fuzz seed 1012
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 7 ingress
echo N > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_accept
tc qdisc del dev eth0 clsact
tc filter add block 7 bpf bytecode '1,6 0 0 1,' skip_sw classid 1:3
echo N > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
tc filter add block 7 prio 1 handle 0x20 bpf obj $PROGS/tc_pass.o sec classifier skip_sw da
tc filter add block 7 pref 49152 bpf obj $PROGS/tc_pass.o sec classifier skip_sw da
cat /sys/kernel/debug/netdevsim/netdevsim1/nosuch
ethtool -K eth0 hw-tc-offload
tc qdisc del dev eth0 ingress
tc filter add dev eth0 parent 1: pref 3 bpf skip_sw bytecode '1,6 0 0 2,'
tc filter add dev eth0 root prio 5 handle 0x20 protocol all bpf da skip_sw obj $PROGS/tc_pass.o sec classifier
tc filter change dev eth0 egress prio 49152 handle 7 bpf obj $PROGS/tc_classid.o sec tc skip_sw da
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter replace dev eth0 ingress pref 1 bpf obj $PROGS/tc_classid.o sec tc da skip_hw
tc qdisc add dev eth0 clsact
ethtool -k eth0
tc filter add dev eth0 ingress pref 49152 bpf bytecode '1,6 0 0 1,' skip_sw
tc filter add dev eth0 ingress prio 2 bpf bytecode '1,6 0 0 2,'
tc -j qdisc show dev eth0 ingress
tc filter replace dev eth0 ingress priority 2 bpf object-file $PROGS/tc_pass.o section classifier action gact reclassify index 5
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc -s filter show dev eth0 ingress
tc qdisc del dev eth0 ingress
cat /sys/bus/netdevsim/new_device
tc filter add dev eth0 ingress prio 5 bpf obj $PROGS/tc_classid.o sec tc da
