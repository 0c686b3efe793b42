# offload fuzz seed 2
echo "1 2" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth3 up
ethtool -K eth3 hw-tc-offload on
tc qdisc add dev eth3 clsact
tc -j filter show dev eth9 ingress
tc qdisc replace dev eth3 clsact
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00002_0 type classifier dev eth3
tc -s filter show dev eth2 ingress
tc qdisc add dev eth3 ingress_block 2 ingress
cat /sys/kernel/debug/netdevsim/netdevsim3/bpf_bound_progs/1/state
tc qdisc add dev eth3 ingress_block 1 ingress
tc filter add dev eth0 egress prio 10 handle 0x20 bpf bytecode '1,21 0 5 0,' skip_hw classid 1:6
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
tc filter add dev eth3 parent ffff: handle 1 bpf bytecode '2,177 0 0 0,6 0 0 0,'
tc filter show dev nosuch ingress
ethtool -K eth2 hw-tc-offload on
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f00002_1 type classifier dev eth2
tc filter show dev eth0 ingress
tc qdisc del dev eth2 ingress
tc qdisc add dev eth0 ingress_block 1 ingress
tc filter add block 1 pref 2 bpf obj $PROGS/tc_classid.o da
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
echo 1 > /sys/bus/netdevsim/del_device
tc filter show dev eth2 ingress
tc qdisc del dev eth2 ingress
ip link set dev eth2 xdpoffload obj $PROGS/xdp_pass.o sec xdp
