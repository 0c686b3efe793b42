# offload fuzz seed 1010
echo "1 2" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 5 ingress
tc qdisc add dev eth1 ingress_block 2 clsact
tc filter replace block 2 prio 1 bpf obj $PROGS/tc_classid.o sec tc skip_sw da
tc -d filter show dev eth1 ingress
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f01010_0 type classifier dev eth0
tc filter add dev eth0 ingress pref 3 handle 1 bpf obj $PROGS/tc_pass.o sec classifier skip_sw da
ip link set dev eth2 xdpoffload off
tc filter add block 2 prio 49152 bpf obj $PROGS/tc_classid.o sec tc skip_sw da
tc -p -j filter show block 5
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bound_progs/0/state
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
echo 2 > /sys/bus/netdevsim/del_device
