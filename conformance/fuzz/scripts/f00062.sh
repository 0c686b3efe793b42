# offload fuzz seed 62
echo "1 1" > /sys/bus/netdevsim/new_device
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
ethtool -K eth0 hw-tc-offload off
tc -s qdisc show dev eth0
tc -s -d filter show dev eth1 egress
tc qdisc add dev eth0 ingress_block 5 ingress
tc filter del block 5 prio 49152 handle 2 bpf
tc -j filter show dev eth0 ingress
tc filter delete dev eth1 ingress prio 49152
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
tc filter replace dev eth0 ingress prio 49152 handle 0x20 bpf obj $PROGS/tc_classid.o sec tc da classid 1:8
echo N > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_accept
tc chain show block 5
ip link set dev nosuch xdpoffload obj $PROGS/xdp_pass.o sec nosuch
echo 0 > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_xdpoffload_accept
ip link set eth1 up
tc qdisc add dev eth0 ingress
