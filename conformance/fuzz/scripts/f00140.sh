# offload fuzz seed 140
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
ip link add vethA type veth peer name vethB
tc qdisc replace dev eth0 ingress_block 7 ingress
tc qdisc add dev vethA ingress
tc qdisc add dev vethB ingress_block 7 clsact
echo N > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_non_bound_accept
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_accept
ip link set dev vethB xdpoffload off
tc -d filter show dev vethA ingress
tc qdisc add dev eth1 ingress_block 2 ingress
cat /sys/kernel/debug/netdevsim/netdevsim2/bpf_bound_progs/0/loaded
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00140_0 type classifier dev eth0
echo 1 > /sys/kernel/debug/netdevsim/netdevsim2/bpf_bind_verifier_accept
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter show dev eth0 ingress
tc qdisc add dev vethB ingress_block 2 clsact
echo N > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
tc qdisc replace dev eth1 ingress
tc filter add block 7 prio 49152 matchall action drop
