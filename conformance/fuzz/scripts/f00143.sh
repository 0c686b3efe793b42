# offload fuzz seed 143
echo "1 2" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc qdisc change dev eth0 ingress_block 5 clsact
tc qdisc add dev eth1 ingress
tc qdisc replace dev eth2 clsact
tc qdisc add dev eth1 ingress_block 7 clsact
tc filter add dev eth0 ingress pref 1 handle 1 bpf bytecode '1,6 0 0 4294967295,' skip_sw
tc qdisc add dev eth1 egress_block 3 clsact
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth3 up
tc qdisc add dev eth0 ingress
tc filter add dev eth1 parent ffff: pref 3 protocol ip flower
tc filter del dev eth2 ingress prio 2 handle 1 bpf
ip link set dev eth1 xdpoffload obj $PROGS/xdp_pass.o sec xdp
tc filter del dev eth3 egress prio 1
ip link set dev eth2 down
tc filter add dev eth1 ingress prio 10 protocol arp bpf bytecode '1,6 0 0 4294967295,' skip_sw action gact reclassify
tc filter add dev eth2 ingress prio 2 handle 0x20 bpf obj $PROGS/tc_classid.o skip_sw da
tc filter show dev eth3 ingress
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bound_progs/0/state
tc filter add dev eth0 ingress pref 49152 handle 7 bpf obj $PROGS/tc_pass.o sec classifier skip_sw da
tc qdisc add dev eth1 ingress_block 1 egress_block 2 clsact
tc -s -j filter show dev eth2 parent ffff:
