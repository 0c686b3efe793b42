# offload fuzz seed 22
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc qdisc add dev eth0 ingress
tc qdisc add dev eth1 ingress_block 1 ingress
tc qdisc add dev eth2 ingress
tc filter add dev eth0 ingress pref 10 handle 7 matchall skip_sw action drop
tc filter show dev eth2 egress prio 3
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
ip link set dev eth0 down
tc filter show block 1
tc filter add block 1 prio 10 handle 7 bpf classid 1:9 obj $PROGS/tc_pass.o sec classifier
tc filter add block 1 pref 1 handle 0x20 bpf obj $PROGS/tc_classid.o action gact reclassify
tc filter replace dev eth0 egress prio 10 handle 2 bpf bytecode '1,6 0 0 4294967295,' skip_sw
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
tc filter delete block 1
tc qdisc add dev eth1 ingress_block 5 egress_block 2 clsact
tc chain show dev eth2 ingress
echo 1 > /sys/kernel/debug/netdevsim/netdevsim2/bpf_bind_verifier_delay
tc filter add dev eth0 parent ffff: prio 1 bpf obj $PROGS/tc_pass.o sec classifier skip_hw da
tc qdisc add dev eth2 clsact
tc qdisc show dev nosuch
tc filter add block 1 pref 3 handle 7 bpf obj $PROGS/tc_pass.o skip_sw da action gact pass index 3
tc filter show block 1
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
tc -j filter show block 1
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter add dev eth2 root prio 5 bpf bytecode '1,6 0 0 1,' da
tc qdisc add dev eth1 egress_block 7 clsact
tc filter add block 1 prio 5 handle 0x20 bpf bytecode '1,6 0 0 1,' skip_sw
tc filter add block 1 pref 49152 bpf obj $PROGS/tc_classid.o sec tc da
tc filter del dev eth1 ingress prio 1
