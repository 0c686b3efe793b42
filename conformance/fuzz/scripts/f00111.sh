# offload fuzz seed 111
echo "1 1" > /sys/bus/netdevsim/new_device
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
ip link add vethA type veth peer name vethB
ip link set vethA up
tc qdisc replace dev eth0 ingress_block 5 clsact
tc qdisc replace dev eth1 ingress_block 7 ingress
tc qdisc add dev vethA ingress_block 1 clsact
tc qdisc add dev vethB ingress_block 1 ingress
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00111_0 type classifier dev eth0
ip link set dev eth0 xdpoffload off
ip link set eth1 down
echo "3 2" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
ip link set eth3 up
ethtool -K eth3 hw-tc-offload on
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
echo 2 > /sys/kernel/debug/netdevsim/netdevsim3/ports/0/bpf_tc_accept
echo 1 > /sys/bus/netdevsim/del_device
tc filter add dev eth1 root prio 1 handle 0x20 matchall action drop
cat /sys/kernel/debug/netdevsim/netdevsim3/ports/0/bpf_offloaded_id
tc filter add dev vethB ingress prio 10 bpf obj $PROGS/tc_classid.o sec tc da
tc filter add dev eth1 ingress prio 49152 bpf fd /sys/fs/bpf/f00111_0 skip_sw da
ethtool -K vethB hw-tc-offload on
tc qdisc add dev eth1 ingress_block 2 ingress
echo "4 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc filter show dev eth2 ingress
