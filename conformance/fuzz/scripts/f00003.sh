# offload fuzz seed 3
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 2 egress_block 2 clsact
tc qdisc add dev eth1 ingress
cat /sys/kernel/debug/netdevsim/netdevsim2/bpf_bind_accept
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
ethtool -K eth0 hw-tc-offload off
ethtool -K eth1 hw-tc-offload off
ip -j link show eth0
tc filter add dev eth0 ingress pref 1 handle 7 protocol all bpf bytecode '1,6 0 0 2,' skip_sw classid 1:1
ip -force link set dev eth1 xdpoffload obj $PROGS/xdp_pass.o sec xdp
tc qdisc change dev eth0 ingress_block 1 ingress
tc filter show dev eth1 egress
tc qdisc add dev eth1 clsact
tc filter del dev eth1 egress chain 2 prio 1
tc filter get block 2 protocol all pref 1 handle 1 bpf
tc filter del dev eth1 parent ffff: prio 1
tc filter delete block 2
tc filter replace dev eth0 egress prio 1 handle 2 bpf obj $PROGS/tc_pass.o sec classifier skip_sw da
tc filter show block 2
tc qdisc del dev eth1 clsact
tc filter add dev eth1 parent ffff: pref 1 protocol arp matchall action drop
tc qdisc add dev eth0 ingress_block 2 ingress
