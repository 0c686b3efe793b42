# offload fuzz seed 156
echo "1 2" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
tc qdisc add dev eth0 clsact ingress_block 7
tc qdisc add dev eth1 ingress_block 2 clsact
tc qdisc add dev eth2 ingress_block 7 ingress
tc filter show dev eth2 parent ffff:
tc filter add block 2 prio 5 handle 7 bpf bytecode '1,6 0 0 4294967295,' skip_hw classid 1:5
echo N > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
tc filter add dev eth0 ingress prio 10 bpf bytecode '1,6 0 0 2,' skip_sw
tc filter add dev eth1 ingress prio 10 handle 0x20 bpf bytecode '1,6 0 0 4294967295,' skip_sw
ip link set dev eth2 xdpoffload off
ip link set eth0 up
tc qdisc replace dev eth1 ingress_block 5 ingress
tc filter delete dev eth2 egress prio 5 handle 1 bpf
tc filter add block 2 prio 1 bpf obj $PROGS/tc_classid.o sec tc skip_sw classid 1:8
echo "3 1" > /sys/bus/netdevsim/new_device
ethtool -K eth3 hw-tc-offload on
tc qdisc replace dev eth3 ingress_block 7 ingress
tc filter add block 7 prio 10 protocol ipv6 bpf bytecode '1,6 0 0 1,'
tc filter del block 7 prio 3 handle 1 bpf
tc filter del dev eth9 ingress
