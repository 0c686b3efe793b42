# offload fuzz seed 1042
echo "1 1" > /sys/bus/netdevsim/new_device
tc qdisc add dev eth0 egress_block 2 clsact
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
tc -d filter show block 2
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
tc -s filter show block 2
ip link show eth1
cat /sys/kernel/debug/netdevsim/netdevsim2/bpf_bind_accept
tc filter add dev eth1 parent ffff: preference 10 bpf bytecode '1,6 0 0 0,' classid 1:7 skip_hw
tc -s filter show dev eth0 parent ffff:
tc filter add dev eth0 ingress prio 1 bpf obj $PROGS/tc_classid.o sec tc skip_sw da
tc filter del block 2 chain 1
tc filter add dev eth1 egress pref 3 bpf obj $PROGS/tc_classid.o skip_sw skip_hw
ethtool -K eth1 hw-tc-offload off
echo 2 > /sys/bus/netdevsim/del_device
tc filter add block 2 chain 1 pref 3 handle 7 bpf obj $PROGS/tc_pass.o skip_hw da
echo "3 2" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ip link set eth2 up
ethtool -k eth0
tc filter replace dev eth2 parent 1: prio 10 handle 7 bpf obj $PROGS/tc_classid.o sec tc da action pass
cat /sys/kernel/debug/netdevsim/netdevsim3/bpf_bound_progs/2/state
tc filter replace dev eth0 ingress prio 3 handle 0x20 bpf bytecode '1,6 0 0 0,' skip_sw da
echo 1 > /sys/kernel/debug/netdevsim/netdevsim3/ports/0/bpf_tc_non_bound_accept
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec nosuch
echo 1 > /sys/bus/netdevsim/del_device
tc filter change dev eth2 egress prio 49152 flower action drop
tc filter add dev eth1 ingress pref 3 handle 2 bpf obj $PROGS/xdp_pass.o sec xdp skip_hw
tc qdisc replace dev eth1 ingress_block 2 clsact
tc filter del dev eth2 ingress
