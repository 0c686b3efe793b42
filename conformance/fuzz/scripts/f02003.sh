# offload fuzz seed 2003
echo "1 2" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth1 ingress_block 2 ingress
tc filter show dev eth1 ingress
tc qdisc show
tc qdisc add dev eth0 ingress_block 1 egress_block 7 clsact
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter add dev eth0 ingress pref 10 protocol ip u32 match u32 0 0
tc filter add block 7 pref 2 bpf bytecode '1,6 0 0 0,' skip_sw classid 1:7
ip link set dev eth1 xdpoffload off
tc filter replace dev eth0 ingress pref 1 bpf object-file $PROGS/tc_pass.o section classifier action trap skip_sw
tc filter del block 1 prio 2
tc qdisc add dev eth0 ingress_block 2 egress_block 2 clsact
ethtool -K eth0 tc-offload on
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bound_progs/0/state
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
ethtool -K eth2 hw-tc-offload off
ip -force link set dev nosuch xdpoffload obj $PROGS/xdp_pass.o sec nosuch
ethtool -K eth0 hw-tc-offload off
echo "7 0" > /sys/bus/netdevsim/new_device
tc filter change block 1 handle 0x20 bpf bytecode '1,6 0 0 1,' skip_hw
tc filter replace dev eth2 egress prio 49152 handle 0x20 bpf bytecode '1,6 0 0 1,' skip_hw classid 1:3
tc filter add block 1 prio 1 handle 7 bpf bytecode '1,6 0 0 2,'
tc filter add block 1 prio 2 u32 match u32 0 0
tc qdisc show dev eth2 handle ffff:
ethtool -K eth2 hw-tc-offload on
tc qdisc show dev eth1
