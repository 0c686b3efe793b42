# offload fuzz seed 98
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc replace dev eth0 ingress_block 5 egress_block 2 clsact
tc filter delete dev eth0 parent ffff: prio 10
tc qdisc add dev eth0 ingress
tc qdisc replace dev eth0 ingress
tc filter del dev eth0 egress prio 10
tc filter replace block 5 chain 2 pref 49152 bpf obj $PROGS/tc_pass.o skip_sw
tc filter add dev eth0 ingress chain 2 pref 2 matchall skip_sw action drop
tc -d filter show block 5
tc filter add dev eth0 ingress prio 10 handle 0x20 bpf bytecode '1,6 0 0 2,'
tc filter replace dev eth0 ingress prio 10 handle 1 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
tc qdisc add dev eth0 ingress_block 7 ingress
tc qdisc replace dev eth0 ingress_block 1 egress_block 7 clsact
tc -s qdisc show dev eth0
tc filter add block 5 chain 1 prio 3 handle 1 bpf skip_sw bytecode '1,6 0 0 1,'
ethtool -K eth0 tc-offload off
tc qdisc add dev eth0 clsact ingress_block 2 egress_block 3
tc filter show block 2 chain 1
tc qdisc add dev eth0 ingress_block 2 clsact
ethtool -K eth0 hw-tc-offload on
ethtool -K eth0 hw-tc-offload off
