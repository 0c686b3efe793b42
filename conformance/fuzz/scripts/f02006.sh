# offload fuzz seed 2006
echo "1 1" > /sys/bus/netdevsim/new_device
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 5 clsact
tc qdisc add dev eth1 ingress_block 7 clsact
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f02006_0 type classifier
tc -s filter show dev eth1 egress
tc qdisc add dev eth0 ingress
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc -s filter show dev eth0 parent ffff:
tc filter add block 7 prio 49152 bpf bytecode '2,177 0 0 0,6 0 0 0,'
ip link set dev eth1 up
tc -d filter show block 7
echo N > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_non_bound_accept
cat /sys/bus/netdevsim/new_device
tc filter add dev eth0 ingress prio 1 bpf obj $PROGS/tc_classid.o sec tc skip_hw da classid 1:5 action pass
ip link show eth9
tc qdisc replace dev eth0 ingress_block 2 ingress
echo N > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_non_bound_accept
tc qdisc del dev eth1 clsact
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
