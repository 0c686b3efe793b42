# offload fuzz seed 1006
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 1 ingress
tc filter add dev eth0 ingress chain 1 pref 3 bpf obj $PROGS/tc_classid.o sec tc skip_sw
tc qdisc show dev eth0 ingress
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
tc filter show block 1 chain 1
tc filter del block 1 prio 3
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_xdpoffload_accept
tc qdisc show dev eth0 clsact
tc filter del block 1 prio 3 handle 1 bpf
tc -s filter show block 1
tc filter replace dev eth9 ingress prio 3 bpf bytecode '1,6 0 0 2,' skip_hw da
tc filter change block 1 pref 3 bpf obj $PROGS/tc_pass.o sec classifier skip_sw da
