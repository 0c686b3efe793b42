# offload fuzz seed 6
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth1 ingress_block 1 ingress
tc qdisc show dev eth1 ingress
tc filter add block 1 chain 0 prio 49152 bpf bytecode '2,177 0 0 0,6 0 0 0,'
tc filter show block 1
tc filter replace dev eth0 parent ffff: prio 49152 bpf bytecode '1,6 0 0 2,' skip_sw classid 1:7
tc -j filter show block 1
tc qdisc add dev eth1 egress_block 7 clsact
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter show dev eth1 root
tc qdisc show dev eth0 clsact
tc qdisc del dev eth1 clsact
tc filter add dev eth1 ingress pref 3 bpf bytecode '2,6 0 0 0,' skip_hw
tc filter show block 1
tc filter add block 1 prio 49152 matchall skip_sw action drop
tc filter change dev eth1 egress handle 7 bpf obj $PROGS/tc_pass.o sec classifier skip_sw da action drop
tc -p -j filter show block 1 prio 3
ip link set dev eth0 xdpoffload off
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
tc qdisc add dev eth0 ingress_block 2 clsact
