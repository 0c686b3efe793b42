# offload fuzz seed 2008
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
tc qdisc add dev eth1 ingress_block 2 egress_block 3 clsact
ethtool -K eth1 tc-offload off
tc -d filter show dev eth1 ingress
tc qdisc del dev eth1 clsact
tc filter show dev eth0 parent ffff:fff3
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
tc -s filter show dev eth1 ingress
tc filter add dev eth1 ingress pref 2 bpf bytecode '1,6 0 0 4294967295,' skip_sw
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc filter change dev eth0 parent ffff: pref 2 bpf obj $PROGS/xdp_pass.o sec xdp
tc filter change dev eth0 egress handle 2 bpf bytecode '1,6 0 0 1,' skip_hw
ethtool -K eth1 hw-tc-offload off
tc -s filter show dev eth2 egress
tc filter replace dev eth2 ingress prio 3 bpf bytecode '1,6 0 0 0,' action trap skip_sw
ip link show lo
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc qdisc add dev eth0 ingress_block 1 clsact
