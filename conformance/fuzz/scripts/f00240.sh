# offload fuzz seed 240
echo "1 1" > /sys/bus/netdevsim/new_device
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 2 clsact
tc -s filter show dev eth0 parent ffff:fff3
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc filter del dev eth2 parent ffff: chain 1 prio 49152
tc -s filter show block 2
cat /sys/kernel/debug/netdevsim/netdevsim3/ports/0/bpf_tc_accept
tc qdisc replace dev eth2 clsact
tc filter replace dev eth0 egress chain 0 pref 49152 handle 7 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f00240_0 type classifier dev eth1
tc filter replace dev eth1 egress prio 49152 handle 2 bpf obj $PROGS/tc_pass.o skip_sw da
tc filter add block 2 pref 10 bpf obj $PROGS/tc_classid.o skip_hw classid 1:3
tc filter add dev eth1 egress prio 5 bpf obj $PROGS/tc_classid.o sec tc da skip_sw
