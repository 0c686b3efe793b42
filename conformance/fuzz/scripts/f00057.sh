# offload fuzz seed 57
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc filter add dev eth0 parent 1: pref 10 handle 2 bpf obj $PROGS/tc_classid.o sec tc skip_hw da
tc filter replace dev eth0 ingress pref 10 bpf bytecode '1,6 0 0 0,' skip_sw skip_sw
tc filter add dev eth0 ingress prio 49152 handle 1 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw classid 1:9
tc filter add dev eth0 egress prio 5 handle 1 bpf bytecode '1,6 0 0' skip_hw
tc filter add dev eth0 ingress pref 2 flower
tc filter add block 5 prio 49152 handle 2 bpf bytecode '1,6 0 0 0,' skip_sw skip_sw
tc filter add dev eth0 egress bpf bytecode '1,6 0 0 0,' skip_sw da
ethtool -K eth0 hw-tc-offload off
ip -j link show eth0
tc filter show dev eth0 ingress
ip link set dev eth0 up
tc filter replace dev eth0 ingress pref 3 bpf bytecode '1,6 0 0 4294967295,' da
tc filter delete dev eth0 ingress prio 49152
tc qdisc add dev eth0 ingress
tc qdisc del dev eth0 clsact
tc filter show dev eth0 ingress
tc qdisc add dev eth0 ingress_block 2 ingress
tc filter change dev eth0 ingress pref 3 handle 0x20 bpf obj $PROGS/tc_pass.o skip_sw da action continue
tc qdisc replace dev eth0 clsact
tc qdisc add dev eth0 egress_block 7 clsact
tc -s filter show dev eth0 parent ffff:fff3
tc filter add dev eth0 parent ffff: pref 5 handle 7 bpf da skip_sw obj $PROGS/tc_classid.o sec tc
