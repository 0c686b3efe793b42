# offload fuzz seed 229
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc replace dev eth0 ingress_block 1 clsact
tc qdisc add dev eth1 ingress
tc filter del dev eth1 ingress prio 1 handle 0x20 bpf
tc -p -j filter show block 1
tc -j filter show block 1
tc qdisc add dev eth0 ingress_block 5 clsact
tc filter add dev eth1 parent ffff: pref 1 handle 1 bpf bytecode '1,6 0 0 1,' skip_sw
tc filter add block 1 prio 1 handle 7 bpf obj $PROGS/tc_pass.o sec classifier skip_sw skip_hw da
tc filter add dev eth1 ingress prio 49152 protocol arp bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
tc filter add dev eth0 egress pref 3 bpf da bytecode '1,6 0 0 2,' skip_sw
tc filter delete dev eth0 ingress prio 1 handle 1 bpf
tc filter add dev eth0 egress prio 10 bpf bytecode '1,6 0 0 4294967295,' skip_hw
tc filter del block 1 prio 1 handle 1 bpf
tc filter add dev eth1 ingress pref 3 handle 7 bpf bytecode '1,6 0 0 4294967295,' skip_sw
echo 0 > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_non_bound_accept
tc -s -d filter show dev eth1 ingress
tc filter del block 9 prio 10 handle 0x20 bpf
tc filter replace dev eth0 root prio 3 handle 1 bpf obj $PROGS/tc_classid.o sec tc skip_sw da
tc filter change block 1 handle 2 bpf obj $PROGS/tc_pass.o sec classifier skip_sw action gact reclassify
tc filter add block 1 prio 1 protocol ipv6 bpf bytecode '1,6 0 0 1,' skip_hw
