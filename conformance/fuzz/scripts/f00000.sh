# offload fuzz seed 0
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth0 ingress
tc qdisc add dev eth1 clsact
tc filter show dev eth1 ingress chain 2
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter add dev eth0 ingress chain 1 pref 1 handle 0x20 bpf obj $PROGS/tc_classid.o sec tc da
tc filter del block 5 prio 2
ip link set eth1 up
ip link set eth1 down
tc qdisc del dev eth1 clsact
tc filter add dev eth1 ingress prio 49152 handle 1 protocol ip bpf obj $PROGS/tc_classid.o skip_hw da
tc filter get dev eth1 parent ffff: protocol all pref 1 handle 2 bpf
tc filter show dev eth1 ingress
tc filter add dev eth0 ingress prio 10 bpf obj $PROGS/tc_pass.o skip_sw da
echo 1 > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_xdpoffload_accept
tc qdisc del dev eth0 ingress
