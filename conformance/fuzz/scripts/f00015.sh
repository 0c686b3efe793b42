# offload fuzz seed 15
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 2" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ip link set eth2 up
echo "3 2" > /sys/bus/netdevsim/new_device
ip link set eth3 up
ethtool -K eth3 hw-tc-offload on
ip link set eth4 up
ethtool -K eth4 hw-tc-offload on
tc qdisc add dev eth3 ingress_block 1 ingress
tc qdisc add dev eth3 clsact
echo "4 1" > /sys/bus/netdevsim/new_device
ip link set eth5 up
echo 1 > /sys/kernel/debug/netdevsim/netdevsim4/ports/0/bpf_tc_accept
tc filter show dev eth2 ingress
tc filter replace block 1 pref 1 bpf skip_hw obj $PROGS/tc_classid.o
tc chain show dev eth0 ingress
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00015_0 type classifier
tc filter replace block 1 pref 1 handle 1 bpf bytecode '1,6 0 0' skip_hw
echo 2 > /sys/bus/netdevsim/del_device
tc filter del block 1 prio 1
tc -j filter show dev eth4 egress
tc -j filter show block 1
tc filter replace dev eth4 ingress prio 49152 handle 0x20 bpf obj $PROGS/tc_classid.o verbose skip_sw da
tc qdisc add dev eth3 ingress_block 1 clsact
ethtool -K eth3 hw-tc-offload off
tc -j filter show block 1
tc qdisc del dev eth5 ingress
tc -d filter show dev eth5 root
tc qdisc del dev eth5 ingress
ethtool -K eth4 hw-tc-offload on
ip link set dev eth5 xdpoffload off
tc filter show dev eth5 egress
tc filter show dev eth0 egress
tc filter del dev eth3 ingress prio 49152 handle 2 bpf
echo 1 > /sys/kernel/debug/netdevsim/netdevsim3/bpf_bind_verifier_accept
