# offload fuzz seed 145
echo "1 1" > /sys/bus/netdevsim/new_device
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth1 ingress_block 5 clsact
tc filter change block 5 chain 1 prio 1 handle 7 bpf obj $PROGS/tc_pass.o skip_sw da classid 1:7
tc qdisc add dev eth1 clsact
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00145_0 type classifier dev eth1
tc filter del dev eth0 egress prio 2 handle 1 bpf
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
ip -j link show eth2
ip link set dev eth1 xdpoffload off
tc filter add block 5 pref 10 bpf bytecode '1,6 0 0 4294967295,' skip_sw action continue
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
ethtool -K eth2 tc-offload off
echo "4 1" > /sys/bus/netdevsim/new_device
ip link set eth3 up
ethtool -K eth3 hw-tc-offload on
tc -j filter show block 5
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
tc qdisc add dev eth1 clsact
tc filter delete block 5 prio 3
tc filter replace dev eth1 ingress prio 49152 handle 2 protocol ip bpf bytecode '1,6 0 0 1,' skip_sw
tc filter show block 5 chain 0
echo "5 1" > /sys/bus/netdevsim/new_device
ip link set eth4 up
ethtool -K eth4 hw-tc-offload on
echo 0 > /sys/kernel/debug/netdevsim/netdevsim5/ports/0/bpf_tc_accept
tc filter add dev eth0 root prio 2 bpf obj $PROGS/tc_pass.o sec classifier skip_sw da
echo N > /sys/kernel/debug/netdevsim/netdevsim4/ports/0/bpf_tc_non_bound_accept
