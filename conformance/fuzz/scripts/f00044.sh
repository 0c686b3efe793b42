# offload fuzz seed 44
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link add vethA type veth peer name vethB
ip link set vethA up
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev vethA clsact
tc qdisc add dev vethB ingress_block 5 ingress
tc qdisc add dev eth1 ingress_block 2 ingress
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_accept
tc filter show dev eth1 parent ffff:
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
echo 1 > /sys/bus/netdevsim/del_device
tc filter show block 5
tc filter add dev vethA ingress prio 5 handle 2 u32 match u32 0 0 action drop
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00044_0 type classifier
tc -j filter get block 5 protocol all pref 5 handle 1 bpf
tc qdisc show dev eth2
echo N > /sys/kernel/debug/netdevsim/netdevsim3/ports/0/bpf_tc_accept
ethtool -K vethB hw-tc-offload off
tc filter del dev vethA root prio 5
ip link set dev eth2 xdpoffload off
echo 2 > /sys/bus/netdevsim/del_device
tc filter replace block 5 chain 0 prio 5 handle 2 bpf skip_hw bytecode '2,177 0 0 0,6 0 0 0,'
tc filter add block 5 pref 5 bpf bytecode '1,6 0 0 2,'
ip link show vethB
ethtool -K vethB hw-tc-offload off
