# offload fuzz seed 78
echo "1 1" > /sys/bus/netdevsim/new_device
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
ip link add vethA type veth peer name vethB
tc qdisc add dev eth0 egress_block 2 clsact
tc qdisc add dev eth1 ingress
tc qdisc add dev vethA ingress_block 5 ingress
tc qdisc add dev vethB clsact
ip link set dev eth0 down
cat /sys/kernel/debug/netdevsim/netdevsim2/bpf_bound_progs/2/loaded
tc qdisc add dev vethA ingress_block 1 egress_block 2 clsact
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
tc filter add block 5 prio 2 bpf bytecode '1,6 0 0 1,'
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f00078_0 type classifier dev eth2
tc filter add dev eth0 ingress pref 1 protocol ipv6 bpf obj $PROGS/tc_classid.o skip_sw da
tc filter add block 2 pref 10 bpf bytecode '1,6 0 0 1,'
tc filter replace dev vethB egress pref 1 bpf bytecode '1,6 0 0 4294967295,'
tc -d filter show dev eth0 parent ffff:
tc filter add dev vethA parent ffff: prio 10 handle 0x20 bpf obj $PROGS/tc_classid.o skip_sw skip_hw da action pipe
tc filter show dev eth1 ingress
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
tc filter add dev vethA ingress pref 10 handle 7 bpf bytecode '1,21 0 5 0,' skip_sw
tc filter add dev eth1 egress pref 2 handle 1 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw classid 1:8 action pass
ip link set dev eth2 xdpoffload off
ip link del vethA
tc filter add block 2 prio 3 bpf fd /sys/fs/bpf/f00078_0 skip_sw da
tc filter add block 2 bpf bytecode '1,6 0 0 4294967295,' skip_sw skip_hw
tc qdisc del dev eth0 clsact
tc qdisc add dev eth2 ingress
tc filter add dev eth1 parent 1: prio 2 bpf pinned /sys/fs/bpf/f00078_0 skip_sw da
tc filter add dev eth1 ingress prio 49152 protocol ipv6 bpf obj $PROGS/tc_classid.o skip_sw da
