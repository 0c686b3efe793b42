# offload fuzz seed 2015
echo "1 1" > /sys/bus/netdevsim/new_device
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth1 ingress_block 5 egress_block 7 clsact
tc filter replace dev eth0 ingress preference 5 bpf bc '1,6 0 0 0,' action gact reclassify index 5
tc filter add dev eth1 root chain 1 bpf obj $PROGS/tc_pass.o sec classifier skip_sw da action drop
tc filter add dev eth1 root prio 5 handle 7 bpf bytecode '1,6 0 0 2,' skip_sw da
tc filter show dev eth0 ingress
ethtool -K eth1 hw-tc-offload on
tc filter show block 7
tc filter add block 5 bpf skip_sw
tc filter add dev eth1 ingress chain 2 pref 10 handle 7 protocol all bpf obj $PROGS/tc_pass.o skip_sw classid 1:9 action pass
tc filter add block 7 prio 3 bpf bytecode '1,6 0 0 4294967295,' action gact reclassify
ip link show eth1
tc chain show block 5
tc filter add block 5 handle 2 protocol ipv6 flower
tc -p -j filter show block 5
ethtool -K eth1 hw-tc-offload off
tc filter show block 5 prio 1
ethtool -K eth0 hw-tc-offload on
tc filter add block 7 pref 49152 handle 1 bpf obj $PROGS/tc_classid.o sec tc skip_hw da
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec nosuch
tc qdisc add dev eth0 ingress ingress_block 7
tc filter add block 7 prio 2 bpf obj $PROGS/tc_classid.o sec tc skip_sw da classid 1:8
echo 1 > /sys/bus/netdevsim/del_device
tc filter add dev eth1 egress chain 2 pref 49152 handle 2 bpf bytecode '1,6 0 0 1,'
ip link set dev eth1 xdpoffload obj $PROGS/xdp_pass.o sec xdp
tc filter delete dev eth1 ingress
