# offload fuzz seed 1000
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ip link add vethA type veth peer name vethB
tc qdisc add dev eth0 ingress
tc qdisc add dev eth1 clsact
tc qdisc change dev vethB ingress
tc filter del block 5
tc filter replace dev eth1 egress pref 5 handle 0x20 matchall action drop
tc chain show dev eth0 ingress
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f01000_0 type classifier
cat /sys/kernel/debug/netdevsim/netdevsim2/bpf_bound_progs/0/loaded
tc filter change dev vethB ingress prio 5 handle 1 matchall skip_sw action drop
tc filter replace dev eth0 ingress prio 5 handle 0x20 bpf bytecode '1,6 0 0 1,' skip_sw
tc filter add dev eth0 parent ffff: prio 49152 handle 7 bpf bytecode '1,6 0 0 4294967295,' skip_sw
tc filter replace dev eth1 ingress prio 49152 handle 2 bpf bytecode '1,6 0 0 2,' skip_hw
tc filter del dev vethB ingress
tc -s filter show dev eth1 ingress
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_xdpoffload_accept
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
ethtool -k vethB
ip link set vethA up
