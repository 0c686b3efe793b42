# offload fuzz seed 1035
echo "1 2" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc qdisc add dev eth0 ingress
tc qdisc add dev eth1 ingress_block 1 ingress
tc filter replace block 1 prio 1 bpf bytecode '1,6 0 0 0,'
tc filter del dev eth1 parent ffff: chain 1
tc filter add block 1 prio 5 handle 1 bpf obj $PROGS/tc_classid.o skip_sw da classid 1:3
echo 2 > /sys/bus/netdevsim/del_device
ethtool -K eth0 tc-offload on
tc filter add block 5 prio 3 handle 7 bpf bytecode '1,6 0 0 2,' skip_sw classid 1:5
tc filter add dev eth1 ingress pref 5 bpf obj $PROGS/tc_pass.o skip_sw da
bpftool -p prog show pinned /sys/fs/bpf/none
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/1/bpf_tc_non_bound_accept
ip link set dev eth1 xdpoffload off
tc -s filter show block 2
tc filter add dev eth1 ingress prio 10 bpf bytecode '1,6 0 0 2,' skip_sw da classid 1:3
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc qdisc add dev eth0 ingress_block 1 clsact
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc filter del block 7 prio 1
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f01035_0 type classifier dev eth2
tc filter change dev eth0 egress prio 2 handle 7 bpf bytecode '1,6 0 0 1,' skip_sw
tc filter add dev eth1 ingress prio 5 handle 1 flower
tc qdisc add dev eth1 ingress_block 5 clsact
