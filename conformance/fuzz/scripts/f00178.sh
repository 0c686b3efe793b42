# offload fuzz seed 178
echo "1 2" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ethtool -K eth2 hw-tc-offload on
echo "3 2" > /sys/bus/netdevsim/new_device
ip link set eth3 up
ethtool -K eth3 hw-tc-offload on
ip link set eth4 up
tc qdisc add dev eth0 ingress_block 1 ingress
tc qdisc add dev eth1 ingress_block 5 clsact
tc qdisc add dev eth4 ingress
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00178_0 type classifier dev eth1
ethtool -K eth4 hw-tc-offload on
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_accept
tc qdisc show dev eth3 clsact
tc qdisc add dev eth1 ingress
echo N > /sys/kernel/debug/netdevsim/netdevsim2/ports/1/bpf_tc_accept
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
echo 1 > /sys/bus/netdevsim/del_device
tc filter add dev eth3 ingress protocol ipv6 bpf obj $PROGS/tc_classid.o sec tc skip_hw da
ip link set eth2 down
echo 1 > /sys/kernel/debug/netdevsim/netdevsim3/bpf_bind_verifier_delay
tc filter add dev eth4 parent ffff: chain 2 prio 1 handle 0x20 bpf bytecode '1,6 0 0 2,' skip_sw
tc qdisc del dev eth4 ingress
tc filter show dev eth2 ingress prio 1
ip link set dev eth4 xdpoffload off
tc filter add dev eth4 ingress prio 10 handle 2 bpf skip_sw bytecode '2,177 0 0 0,6 0 0 0,'
tc filter change dev eth2 ingress prio 10 handle 2 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_hw da
tc filter del dev eth3 egress chain 1 prio 10 handle 1 bpf
tc filter show dev eth3 ingress
tc chain show dev eth2 ingress
tc filter change block 5 prio 1 bpf skip_sw bytecode '1,6 0 0 1,' action gact drop
