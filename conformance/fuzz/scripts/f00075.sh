# offload fuzz seed 75
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 clsact
tc qdisc del dev eth0 clsact
tc qdisc replace dev eth0 ingress_block 2 ingress
tc filter add dev eth0 ingress pref 1 bpf obj $PROGS/tc_classid.o skip_sw da
ip link set dev eth0 xdpoffload off
ethtool -K eth9 hw-tc-offload off
tc -d filter show dev eth0 ingress
tc filter show dev eth0 ingress
ip link show eth0
tc filter del block 2 prio 1
tc -s qdisc show dev eth0
tc filter get block 2 protocol all pref 1 handle 0x20 bpf
tc filter replace dev eth0 parent ffff: prio 1 handle 2 bpf bytecode '1,6 0 0 4294967295,' skip_hw da
tc filter show block 2 chain 2
tc qdisc del dev eth0 ingress
tc qdisc add dev eth0 ingress
tc filter add dev eth0 ingress chain 2 pref 1 handle 2 protocol all bpf bytecode '1,6 0 0 1,' skip_hw
tc filter replace dev nosuch ingress prio 1 handle 1 bpf obj $PROGS/tc_classid.o skip_sw da
tc filter add block 5 chain 0 pref 49152 bpf obj $PROGS/tc_pass.o sec classifier skip_sw da classid 1:4
ethtool -K eth0 hw-tc-offload off
tc filter add dev eth0 parent 1: prio 1 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
tc chain show dev eth0 ingress
