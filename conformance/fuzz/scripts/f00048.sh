# offload fuzz seed 48
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 2" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
ip link set eth2 up
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth3 up
ethtool -K eth3 hw-tc-offload on
tc qdisc add dev eth1 ingress_block 2 ingress
tc qdisc replace dev eth2 clsact ingress_block 2 egress_block 7
tc qdisc show dev eth3
tc chain show block 2
tc -d filter show dev eth0 ingress prio 10
tc qdisc show dev eth1 clsact
tc filter add block 2 pref 10 bpf bytecode '1,4 0 0 0,' skip_sw classid 1:1
tc -j qdisc show dev eth3
echo 3 > /sys/bus/netdevsim/del_device
tc filter replace block 2 chain 2 pref 5 handle 2 bpf skip_sw obj $PROGS/tc_pass.o sec classifier
cat /sys/kernel/debug/netdevsim/netdevsim3/ports/0/bpf_offloaded_id
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/1/bpf_offloaded_id
tc filter add dev eth1 ingress pref 49152 handle 0x20 bpf bytecode '1,6 0 0 4294967295,' skip_sw classid 1:1
ip link show eth0
tc filter add dev eth0 ingress prio 5 bpf bytecode '1,6 0 0 1,' skip_sw da action pipe
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/1/bpf_tc_accept
tc filter replace block 1 prio 49152 handle 7 bpf bytecode '1,6 0 0 2,' skip_hw da
echo N > /sys/kernel/debug/netdevsim/netdevsim2/ports/1/bpf_tc_accept
tc filter replace dev eth2 parent ffff: prio 1 handle 0x20 protocol ipv6 bpf bytecode '1,6 0 0 2,' skip_hw
tc filter add block 2 chain 1 prio 2 bpf obj $PROGS/tc_classid.o sec tc da skip_sw
echo 1 > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_non_bound_accept
