# offload fuzz seed 1016
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 clsact
tc qdisc show dev eth0
tc filter del dev eth0 ingress prio 3 handle 0x20 bpf
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f01016_0 type classifier dev eth0
tc qdisc show dev eth0
tc filter add block 7 prio 1 u32 match u32 0 0
echo N > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
tc qdisc add dev eth0 ingress_block 7 ingress
tc filter replace dev eth0 egress chain 0 pref 10 protocol ipv6 bpf obj $PROGS/tc_classid.o sec tc skip_hw da
tc -s -d -j filter show dev eth0 ingress
ethtool -K eth0 hw-tc-offload on
echo 1 > /sys/bus/netdevsim/del_device
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc filter add dev eth0 ingress chain 0 prio 1 bpf obj $PROGS/tc_pass.o sec classifier action ok skip_hw da
tc qdisc replace dev eth0 ingress_block 1 ingress
tc filter replace dev eth0 egress prio 3 handle 2 bpf bytecode '1,6 0 0 0,' skip_sw classid 1:1
tc -s -j filter show block 1 prio 3
