# offload fuzz seed 46
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
tc qdisc add dev eth1 egress_block 7 clsact
tc qdisc replace dev eth2 ingress
tc filter replace dev eth1 egress pref 5 handle 0x20 bpf obj $PROGS/tc_classid.o sec tc da
tc filter add dev eth2 ingress prio 49152 protocol all bpf bytecode '1,6 0 0 0,6 0 0 0,' skip_sw
tc filter replace dev eth1 ingress pref 49152 handle 2 bpf bytecode '1,6 0 0 4294967295,' skip_sw
ip link set dev eth1 down
tc filter add block 7 pref 1 bpf da bytecode '1,6 0 0 0,' skip_hw
tc filter add dev eth1 ingress prio 5 bpf bytecode '1,6 0 0 4294967295,' skip_sw skip_sw
echo 0 > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_accept
tc filter show block 7
tc -j filter show dev eth0 ingress
cat /sys/kernel/debug/netdevsim/netdevsim3/ports/0/bpf_offloaded_id
tc filter add dev eth1 egress prio 2 handle 7 bpf bytecode '1,6 0 0 2,'
tc filter add dev eth1 ingress chain 0 prio 3 handle 2 bpf obj $PROGS/tc_classid.o da skip_sw
ip -force link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec nosuch
ethtool -K eth1 hw-tc-offload off
echo Y > /sys/kernel/debug/netdevsim/netdevsim2/bpf_bind_accept
tc -d filter show dev eth2 ingress
tc filter add block 7 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw action continue
tc qdisc show dev eth1
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc qdisc add dev eth0 ingress_block 2 egress_block 2 clsact
tc qdisc replace dev eth1 ingress_block 2 egress_block 2 clsact
echo 2 > /sys/bus/netdevsim/del_device
tc filter change dev eth0 ingress pref 1 handle 7 bpf obj $PROGS/tc_pass.o sec nosuch skip_sw
