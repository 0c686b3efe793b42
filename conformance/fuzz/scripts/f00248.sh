# offload fuzz seed 248
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 7 ingress
tc filter replace block 7 pref 2 handle 7 protocol ip bpf bytecode '1,6 0 0 0,' skip_hw
tc filter replace dev eth0 parent ffff: chain 2 prio 2 handle 7 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_hw
tc filter add block 1 pref 49152 handle 2 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw action continue
tc filter replace block 7 chain 1 pref 3 protocol 802.1q u32 match u32 0 0
tc filter replace block 7 pref 3 handle 0x20 protocol all bpf bytecode '1,6 0 0 2,' da
tc qdisc change dev eth1 ingress_block 2 clsact
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_accept
tc filter replace block 7 handle 0x20 bpf obj $PROGS/tc_classid.o sec tc
ip link set dev eth1 xdpoffload off
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc qdisc show dev eth1
tc filter add dev eth2 parent ffff: prio 3 handle 2 bpf obj $PROGS/tc_classid.o sec tc skip_hw da
tc filter add dev eth1 ingress prio 1 protocol all matchall skip_sw action drop
tc filter add block 9 prio 2 bpf obj $PROGS/tc_pass.o sec classifier skip_hw
tc filter add dev eth1 parent 1: pref 1 protocol all bpf bytecode '1,6 0 0 0,' skip_sw
tc qdisc add dev eth0 ingress_block 5 egress_block 3 clsact
