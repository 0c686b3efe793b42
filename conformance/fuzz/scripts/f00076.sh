# offload fuzz seed 76
echo "1 2" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth0 ingress ingress_block 1
tc qdisc add dev eth1 ingress_block 1 ingress
tc filter add block 1 prio 49152 protocol ip bpf bytecode '1,21 0 5 0,' skip_sw
tc filter add dev eth0 egress protocol arp u32 match u32 0 0 action drop
tc qdisc del dev eth0 clsact
tc qdisc add dev eth1 ingress_block 1 ingress
tc filter add dev eth1 ingress bpf bytecode '1,6 0 0 4294967295,' skip_hw classid 1:6
tc -d filter show dev eth1 parent ffff: chain 1
tc filter add block 1 pref 10 handle 7 bpf obj $PROGS/tc_classid.o sec tc skip_sw da action pass
echo 2 > /sys/kernel/debug/netdevsim/netdevsim1/ports/1/bpf_tc_non_bound_accept
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00076_0 type classifier dev eth1
echo x > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter add dev eth0 egress prio 49152 bpf bytecode '1,6 0 0 1,'
tc filter del dev eth0 ingress prio 49152 handle 1 bpf
tc qdisc add dev eth0 ingress_block 5 ingress
tc filter show dev eth1 ingress
tc filter add dev eth0 ingress prio 5 handle 2 bpf bytecode '1,6 0 0 1,'
echo N > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
tc qdisc del dev eth0 ingress
ethtool -K eth0 hw-tc-offload on
tc filter add dev eth0 ingress prio 10 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
tc qdisc del dev eth0 clsact
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bound_progs/1/loaded
