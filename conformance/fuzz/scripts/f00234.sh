# offload fuzz seed 234
echo "1 2" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth1 ingress_block 1 ingress
tc -s qdisc show dev eth0
tc qdisc del dev eth1 ingress
tc filter replace dev eth0 ingress pref 1 handle 2 bpf bytecode '1,6 0 0 4294967295,' da skip_sw
echo 1 > /sys/bus/netdevsim/del_device
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
ip link set dev eth9 xdpoffload obj $PROGS/xdp_pass.o sec nosuch
tc filter add dev nosuch ingress prio 5 handle 2 flower
tc -s filter show block 7
tc filter replace dev nosuch egress pref 5 handle 0x20 bpf obj $PROGS/tc_pass.o skip_sw da action gact pass index 3
tc qdisc add dev eth0 ingress_block 5 egress_block 3 clsact
tc qdisc add dev eth0 ingress
tc filter del dev nosuch ingress prio 10
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
ip link set dev eth0 down
tc -s qdisc show dev eth0
echo 2 > /sys/bus/netdevsim/del_device
tc filter del dev nosuch root prio 5 handle 0x20 bpf
echo "3 2" > /sys/bus/netdevsim/new_device
ethtool -K eth0 hw-tc-offload on
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
ip link set dev eth0 xdpoffload off
tc qdisc add dev eth1 ingress
tc filter show dev eth0 ingress
tc filter del dev eth0 ingress prio 5
