# offload fuzz seed 28
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link add vethA type veth peer name vethB
ip link set vethA up
tc qdisc add dev eth0 egress_block 3 clsact
tc qdisc add dev vethA ingress_block 5 clsact
tc qdisc add dev vethB egress_block 7 clsact
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter show dev vethB ingress
tc qdisc add dev eth0 ingress
ip link show eth0
tc qdisc replace dev vethB ingress_block 7 egress_block 3 clsact
tc filter add block 5 prio 49152 bpf bytecode '1,6 0 0 1,' skip_sw classid 1:5
tc filter add dev vethB ingress pref 5 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
echo x > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc filter add block 5 chain 2 pref 3 handle 0x20 bpf da obj $PROGS/tc_pass.o
tc qdisc add dev vethB ingress
tc filter add dev vethB ingress pref 3 bpf bytecode '1,6 0 0 4294967295,' skip_sw skip_hw da
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f00028_0 type classifier
tc qdisc del dev eth0 clsact
tc filter del dev vethB ingress prio 5
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc qdisc change dev eth1 clsact
tc filter show dev vethB ingress prio 49152
