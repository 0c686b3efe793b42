# offload fuzz seed 1014
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 1 egress_block 2 clsact
tc filter change dev eth0 ingress pref 5 handle 7 protocol ipv6 flower
tc qdisc show dev eth0 clsact
ip link set dev eth0 xdpoffload off
tc qdisc show dev eth0
tc filter add block 1 pref 10 handle 0x20 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_hw da classid 1:2 action ok
tc qdisc add dev eth0 ingress_block 7 ingress
tc -d qdisc show
tc filter delete dev eth0 egress prio 10 handle 1 bpf
tc filter change dev eth0 parent ffff: prio 10 bpf obj $PROGS/tc_pass.o sec classifier skip_sw da action drop
ip link set dev eth0 xdpoffload off
tc filter replace block 1 pref 3 bpf bytecode '1,6 0 0 0,' direct-action
tc filter get block 2 protocol all pref 5 handle 2 bpf
tc filter show block 9
tc qdisc del dev eth0 clsact
