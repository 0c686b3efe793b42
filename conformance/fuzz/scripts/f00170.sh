# offload fuzz seed 170
echo "1 2" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc qdisc add dev eth0 ingress
tc qdisc add dev eth1 ingress_block 7 clsact
tc filter show block 7
tc filter del block 7
tc filter replace block 7 prio 5 bpf skip_hw da obj $PROGS/tc_pass.o sec classifier
tc filter add dev eth1 parent ffff:fff3 chain 2 prio 49152 handle 2 bpf obj $PROGS/tc_classid.o sec tc skip_sw
tc filter add block 7 chain 2 pref 1 bpf skip_sw da bytecode '1,6 0 0 2,'
tc filter replace dev eth0 egress chain 1 prio 49152 handle 1 bpf skip_sw obj /nonexistent.o
tc filter show dev eth1 ingress
tc -p -j filter show block 7
tc filter add block 2 pref 3 handle 7 bpf obj $PROGS/tc_pass.o skip_sw da
tc filter change dev eth1 ingress chain 2 pref 3 handle 2 bpf bytecode '1,6 0 0 0,' skip_sw da action drop
tc -p -j filter show dev eth0 egress prio 1
tc qdisc show dev eth2 clsact
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
