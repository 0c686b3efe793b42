# offload fuzz seed 237
echo "1 2" > /sys/bus/netdevsim/new_device
ethtool -K eth0 hw-tc-offload on
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ethtool -K eth2 hw-tc-offload on
echo "3 1" > /sys/bus/netdevsim/new_device
ethtool -K eth3 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 7 egress_block 7 clsact
tc qdisc add dev eth1 ingress
tc qdisc add dev eth2 ingress
tc qdisc add dev eth3 ingress_block 2 ingress
tc qdisc show dev eth0
echo 3 > /sys/bus/netdevsim/del_device
ip link show eth2
echo N > /sys/kernel/debug/netdevsim/netdevsim2/bpf_bind_verifier_accept
tc qdisc add dev eth2 ingress_block 2 clsact
ethtool -k eth2
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_accept
ip -force link set dev eth1 xdpoffload obj $PROGS/xdp_pass.o sec nosuch
tc filter replace block 7 prio 2 handle 2 bpf obj $PROGS/tc_classid.o sec tc da classid 1:7
tc -j qdisc show dev eth2 clsact
tc qdisc add dev eth0 ingress_block 5 egress_block 7 clsact
echo N > /sys/kernel/debug/netdevsim/netdevsim3/ports/0/bpf_tc_accept
tc filter del dev eth0 parent ffff: chain 1 prio 2 handle 1 bpf
tc -s filter show dev eth2 ingress
