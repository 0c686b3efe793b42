# offload fuzz seed 2007
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
tc filter add dev eth0 ingress prio 49152 u32 match u32 0 0
tc -j filter show dev eth0 egress
tc qdisc del dev eth0 ingress
echo "2 1" > /sys/bus/netdevsim/new_device
ip -j link show eth1
tc filter add dev eth1 ingress pref 5 bpf obj $PROGS/tc_classid.o sec tc action gact reclassify index 5
tc filter show dev eth0 egress
ethtool -K eth1 hw-tc-offload on
tc filter show dev eth1 ingress
tc -s filter show dev eth1 ingress
tc qdisc show dev eth1 parent ffff:fff1
ip link show lo
tc filter add dev eth1 root prio 49152 bpf bytecode '1,6 0 0 4294967295,' da action drop
tc qdisc del dev eth0 clsact
echo Y > /sys/kernel/debug/netdevsim/netdevsim2/bpf_bind_verifier_accept
tc filter add dev eth1 ingress priority 2 bpf bytecode '1,6 0 0 0,' flowid 1:3 skip_hw
tc filter show dev eth1 parent ffff: chain 1
tc filter add dev eth1 ingress pref 49152 bpf bytecode '1,6 0 0 1,' skip_sw da
echo 1 > /sys/bus/netdevsim/del_device
tc qdisc add dev eth1 egress_block 2 clsact
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f02007_0 type classifier
ethtool -K eth1 hw-tc-offload off
