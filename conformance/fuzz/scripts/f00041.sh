# offload fuzz seed 41
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
tc qdisc replace dev eth0 ingress_block 2 clsact
ip link set dev eth0 xdpoffload off
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_xdpoffload_accept
tc filter replace dev eth0 ingress chain 0 prio 1 handle 2 bpf bytecode '1,6 0 0 0,' skip_sw da
tc filter add block 2 prio 1 bpf bytecode '1,6 0 0 0,'
ip link show eth0
tc -j filter show dev eth0 ingress
tc qdisc show dev eth0
tc filter add dev eth0 egress chain 0 prio 5 handle 2 bpf obj $PROGS/tc_classid.o da
tc filter add dev eth0 egress prio 1 bpf obj $PROGS/tc_pass.o skip_sw da
tc filter show dev eth0 egress
tc filter add dev eth0 parent ffff: prio 49152 handle 7 bpf bytecode '1,6 0 0 0,' skip_sw
tc filter add dev eth0 ingress prio 10 handle 2 bpf obj $PROGS/tc_classid.o sec tc skip_sw da
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
tc qdisc add dev eth1 ingress_block 2 egress_block 3 clsact
tc filter show dev eth0 root
ip link show eth0
tc filter change dev eth1 egress pref 49152 bpf bytecode '1,6 0 0 1,' skip_hw da classid 1:6
tc filter change block 3 prio 5 handle 7 bpf bytecode '1,6 0 0 1,' skip_sw da
tc qdisc replace dev eth1 clsact
tc filter add dev eth0 parent ffff:fff3 prio 1 bpf bytecode '1,6 0 0 2,' skip_hw da
ip link set dev eth1 xdpoffload obj $PROGS/xdp_pass.o sec xdp
tc filter add dev eth0 ingress handle 0x20 bpf bytecode '1,6 0 0 1,' skip_sw classid 1:5
ethtool -k eth0
tc filter add dev eth0 egress chain 1 prio 2 protocol ip bpf bytecode '1,6 0 0 4294967295,' skip_sw da
tc -p -j filter show dev eth1 ingress
