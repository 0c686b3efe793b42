# offload fuzz seed 69
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth1 ingress_block 7 egress_block 3 clsact
echo 1 > /sys/bus/netdevsim/del_device
tc -d filter show block 9 prio 1
tc filter add dev eth1 ingress pref 1 handle 1 bpf obj $PROGS/tc_pass.o skip_sw da
ethtool -K eth1 hw-tc-offload off
tc filter add block 7 chain 1 prio 1 bpf skip_sw bytecode '1,21 0 5 0,'
ip link set dev eth1 down
tc -d filter show block 9 chain 2 prio 49152
echo 1 > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_non_bound_accept
tc filter replace dev eth1 ingress prio 1 handle 2 bpf bytecode '1,6 0 0 0,' skip_sw classid 1:9
tc filter show block 7
tc filter add dev eth1 ingress prio 49152 handle 0x20 bpf bytecode '1,6 0 0 2,' skip_sw
tc -d filter show dev eth1 ingress
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00069_0 type classifier dev eth1
ip link set dev eth1 xdpoffload obj $PROGS/xdp_pass.o sec xdp
