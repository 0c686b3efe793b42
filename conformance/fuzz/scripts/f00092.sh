# offload fuzz seed 92
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress
tc filter add dev eth0 ingress pref 49152 protocol all bpf obj $PROGS/xdp_pass.o sec xdp skip_sw classid 1:3
tc filter replace dev eth0 parent ffff: prio 49152 handle 7 protocol arp matchall skip_sw action drop
ip link set dev eth0 xdpoffload off
tc filter add dev eth0 ingress prio 49152 bpf bytecode '1,6 0 0 0,' skip_hw
tc filter add dev eth0 egress pref 2 u32 match u32 0 0
tc qdisc del dev eth0 ingress
tc filter del dev eth0 ingress prio 2
tc filter del dev eth0 egress
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc qdisc add dev eth0 ingress_block 5 clsact
tc filter del dev eth0 ingress
tc filter show dev eth0 parent ffff:
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter del block 1 prio 2
tc filter show dev eth0 ingress
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc filter show dev eth0 egress
tc qdisc del dev eth1 ingress
tc qdisc add dev eth0 clsact
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
echo N > /sys/kernel/debug/netdevsim/netdevsim3/bpf_bind_accept
