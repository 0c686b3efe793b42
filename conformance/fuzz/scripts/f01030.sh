# offload fuzz seed 1030
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
echo "4 1" > /sys/bus/netdevsim/new_device
ip link set eth3 up
ethtool -K eth3 hw-tc-offload on
tc qdisc replace dev eth0 ingress_block 5 clsact
tc qdisc add dev eth1 ingress_block 7 ingress
tc qdisc replace dev eth2 ingress_block 5 ingress
tc qdisc add dev eth3 ingress_block 5 ingress
tc -s filter show dev eth0 ingress prio 1
ethtool -K eth2 hw-tc-offload off
echo N > /sys/kernel/debug/netdevsim/netdevsim4/ports/0/bpf_tc_non_bound_accept
echo 4 > /sys/bus/netdevsim/del_device
tc filter delete dev eth0 ingress prio 1
tc filter add dev eth1 egress pref 3 bpf bytecode '1,6 0 0 1,' skip_hw
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
cat /sys/kernel/debug/netdevsim/netdevsim3/ports/0/bpf_tc_non_bound_accept
tc -s filter show block 5
tc qdisc show dev eth2
tc filter add block 5 chain 0 pref 5 handle 2 bpf obj $PROGS/xdp_pass.o sec xdp skip_sw
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
ethtool -K eth2 hw-tc-offload on
cat /sys/kernel/debug/netdevsim/netdevsim4/ports/0/bpf_offloaded_id
tc filter add dev eth1 ingress priority 49152 bpf bytecode '1,6 0 0 0,' action gact reclassify index 5
tc filter show block 5
echo "5 1" > /sys/bus/netdevsim/new_device
ip link set eth3 up
ethtool -K eth3 hw-tc-offload on
ip link show lo
tc filter delete dev eth3 ingress
tc filter add block 7 pref 3 handle 0x20 bpf bytecode '1,6 0 0 2,' skip_sw
ethtool -K eth9 hw-tc-offload on
tc filter delete block 7
ip link set dev eth2 xdpoffload obj $PROGS/xdp_pass.o sec xdp
tc -s -j filter show dev eth0 ingress
echo 3 > /sys/bus/netdevsim/del_device
tc qdisc show dev eth0 clsact
