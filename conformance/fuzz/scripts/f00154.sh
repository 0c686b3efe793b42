# offload fuzz seed 154
echo "1 2" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 1 clsact
tc qdisc add dev eth1 ingress_block 5 egress_block 2 clsact
tc filter add dev eth0 ingress pref 10 handle 7 protocol ip bpf bytecode '1,6 0 0 0,'
tc filter replace block 2 prio 49152 handle 2 bpf obj $PROGS/tc_classid.o skip_sw
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter add dev eth1 ingress chain 1 pref 3 protocol ipv6 bpf bytecode '1,6 0 0 4294967295,'
tc filter add dev eth0 ingress prio 3 protocol ip bpf bytecode '1,6 0 0 1,' skip_sw
tc qdisc add dev eth0 egress_block 2 clsact
tc -d filter show block 9
tc filter show block 2 prio 3
tc filter replace block 2 prio 10 handle 0x20 flower skip_sw
echo "2 1" > /sys/bus/netdevsim/new_device
tc qdisc replace dev eth2 ingress
ip link set dev eth0 xdpoffload off
tc filter add dev eth0 parent ffff:fff3 bpf bytecode '1,6 0 0 1,'
tc qdisc del dev eth0 ingress
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter add block 5 pref 1 bpf skip_sw da obj $PROGS/tc_pass.o
ip link set dev eth9 xdpoffload off
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/1/bpf_tc_non_bound_accept
tc -d filter show dev eth0 root
