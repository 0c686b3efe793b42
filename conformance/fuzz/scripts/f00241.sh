# offload fuzz seed 241
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth0 egress_block 7 clsact
tc qdisc add dev eth1 ingress_block 1 ingress
tc filter add block 7 pref 1 handle 0x20 bpf obj $PROGS/tc_classid.o sec tc da
tc filter add block 7 pref 49152 bpf skip_hw da
tc filter del dev eth0 ingress chain 0 prio 49152 handle 1 bpf
ip link set dev eth1 xdpoffload off
tc filter replace dev eth1 egress pref 1 handle 2 protocol 802.1q bpf bytecode '1,6 0 0 0,' skip_sw
tc filter add block 1 prio 2 bpf obj $PROGS/tc_pass.o sec classifier skip_sw da
tc qdisc show dev eth0
ethtool -K eth0 hw-tc-offload on
tc filter show dev eth1 egress
tc filter add block 1 pref 10 handle 1 bpf bytecode '1,6 0 0 4294967295,' skip_sw skip_hw
tc qdisc show dev eth1
tc filter add block 7 prio 1 bpf bytecode '1,4 0 0 0,' skip_sw action gact pass index 3
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
tc filter show block 1
