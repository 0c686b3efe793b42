# offload fuzz seed 125
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc qdisc add dev eth1 ingress_block 7 ingress
tc filter change dev nosuch parent ffff: chain 1 prio 5 handle 7 protocol all flower skip_sw
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00125_0 type classifier dev eth0
tc -s filter show dev eth1 ingress
tc -d filter show block 7
ip link set dev eth2 xdpoffload off
tc filter add dev eth2 ingress pref 10 bpf bytecode '2,177 0 0 0,6 0 0 0,'
tc qdisc add dev eth2 ingress_block 1 ingress
tc filter add block 7 pref 5 bpf bytecode '1,6 0 0 0,' skip_sw action pass
tc filter show dev eth0 ingress
tc qdisc add dev eth1 ingress_block 5 clsact
