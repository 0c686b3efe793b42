# offload fuzz seed 55
echo "1 2" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth1 ingress
tc filter add dev eth0 parent ffff: chain 0 pref 2 handle 2 bpf obj $PROGS/tc_pass.o sec classifier skip_sw da
tc filter del dev eth0 egress prio 2
tc filter replace dev eth1 ingress pref 2 handle 0x20 protocol ip bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
ip link set dev eth1 xdpoffload obj $PROGS/xdp_pass.o sec nosuch
tc qdisc add dev eth1 ingress_block 1 clsact
tc filter get dev eth0 parent ffff: protocol all pref 1 handle 2 bpf
tc -s filter show dev eth9 ingress
ethtool -K eth1 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc qdisc show dev eth2
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
echo 0 > /sys/kernel/debug/netdevsim/netdevsim2/ports/1/bpf_tc_non_bound_accept
tc -s filter show dev eth2 egress
tc filter replace dev eth0 egress pref 2 handle 0x20 bpf bytecode '1,6 0 0 0,' skip_sw action drop
tc filter replace dev eth2 ingress handle 1 flower
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec nosuch
tc filter show dev eth0 parent ffff:
tc filter del dev eth0 ingress
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth3 up
ethtool -K eth3 hw-tc-offload on
tc filter replace dev eth2 ingress protocol ipv6 bpf bytecode '1,6 0 0 0,' da skip_sw
tc filter add dev eth1 parent ffff: pref 2 bpf obj $PROGS/tc_pass.o da action drop
tc qdisc add dev eth1 ingress_block 5 egress_block 3 clsact
tc filter delete dev eth0 root prio 10
