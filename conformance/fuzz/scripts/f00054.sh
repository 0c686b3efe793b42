# offload fuzz seed 54
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 2" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc qdisc add dev eth1 ingress_block 7 egress_block 2 clsact
tc qdisc change dev eth2 clsact ingress_block 1
tc filter add dev eth1 parent 1: prio 5 handle 1 bpf obj $PROGS/tc_classid.o skip_sw
tc filter show dev eth0 ingress
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
ip link set dev eth0 down
tc filter show block 2
ip link set dev eth1 xdpoffload obj $PROGS/xdp_pass.o sec xdp
tc filter add dev eth1 ingress prio 10 handle 2 bpf bytecode '1,6 0 0 1,' skip_sw
tc filter add dev nosuch ingress pref 3 bpf bytecode '1,6 0 0 1,' skip_sw
tc filter replace block 7 chain 0 pref 5 handle 2 bpf skip_sw skip_hw classid 1:5 bytecode '1,6 0 0 0,'
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
