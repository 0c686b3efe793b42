# offload fuzz seed 2020
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
echo "2 1" > /sys/bus/netdevsim/new_device
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 7 ingress
tc qdisc replace dev eth1 clsact
tc filter add dev eth9 ingress priority 10 bpf bytecode '1,6 0 0 0,' da
tc qdisc add dev eth0 clsact
tc filter replace block 7 prio 1 bpf bytecode '1,6 0 0 0,' action gact reclassify index 5 skip_hw
tc qdisc show dev eth0
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_accept
tc filter del dev eth1 egress prio 10
tc qdisc show dev eth1
tc filter add dev eth9 ingress prio 2 handle 7 bpf obj $PROGS/tc_classid.o sec tc skip_sw da classid 1:4
tc qdisc show dev eth1
tc filter get dev eth1 egress protocol all pref 5 handle 2 bpf
ip link show dev eth1
ip link set dev eth1 down
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth0 ingress
ip link set dev eth1 xdpoffload obj $PROGS/xdp_pass.o sec nosuch
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 7 ingress
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc qdisc del dev eth1 clsact
tc filter add block 7 prio 2 bpf obj $PROGS/tc_pass.o skip_sw da classid 1:5
tc filter del dev eth1 egress prio 2
