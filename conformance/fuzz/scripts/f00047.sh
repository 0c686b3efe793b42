# offload fuzz seed 47
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 clsact ingress_block 7
tc qdisc add dev eth0 ingress_block 2 egress_block 3 clsact
tc filter delete dev eth0 ingress prio 3 handle 1 bpf
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bound_progs/2/state
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter del block 2 prio 3 handle 0x20 bpf
tc qdisc add dev eth0 ingress
tc qdisc replace dev eth0 ingress
tc qdisc show dev eth0
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress
tc filter change block 3 pref 3 handle 2 bpf obj $PROGS/tc_classid.o sec tc skip_sw da
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter add block 3 prio 1 protocol 802.1q bpf bytecode '1,6 0 0 0,' skip_sw action drop
tc filter add block 2 pref 5 bpf obj $PROGS/tc_pass.o sec classifier skip_sw da classid 1:5
tc filter add dev eth0 egress prio 49152 bpf obj $PROGS/tc_classid.o skip_sw da classid 1:2
tc filter del dev eth0 ingress prio 3
tc filter delete block 2 chain 1 prio 5 handle 2 bpf
tc filter add block 2 pref 10 handle 7 bpf obj $PROGS/tc_classid.o skip_sw da
tc -j filter get dev nosuch egress protocol all pref 3 handle 0x20 bpf
tc filter show block 2
