# offload fuzz seed 1021
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
ip link add vethA type veth peer name vethB
tc qdisc add dev eth0 ingress
tc qdisc add dev eth1 ingress
tc qdisc change dev vethA clsact
tc qdisc add dev vethB clsact
tc filter get block 9 protocol all pref 10 handle 1 bpf
tc filter add dev vethB ingress pref 10 bpf skip_sw bytecode '1,6 0 0 2,'
tc filter show dev eth0 ingress
tc filter add dev vethB ingress protocol ip bpf bytecode '1,6 0 0 1,' skip_sw action gact drop
ip -j link show eth0
tc filter show dev vethA ingress
cat /sys/kernel/debug/netdevsim/netdevsim2/bpf_bound_progs/2/state
tc filter replace dev eth1 ingress pref 10 handle 1 protocol all bpf skip_hw da obj $PROGS/tc_classid.o
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter add dev vethA parent ffff: prio 1 handle 1 bpf obj /nonexistent.o
tc filter show block 7
tc filter add dev vethA ingress prio 49152 u32 match u32 0 0
ethtool -K eth0 hw-tc-offload off
tc qdisc del dev eth0 clsact
tc filter add dev vethB ingress handle 1 bpf obj $PROGS/tc_pass.o
tc qdisc replace dev eth0 ingress
tc filter del dev eth1 egress prio 3
tc qdisc show dev eth0 parent ffff:fff1
ip link set eth0 up
tc -s filter show dev vethB ingress
tc filter delete dev vethA ingress
tc filter delete dev eth1 egress
tc filter get block 5 protocol all pref 1 handle 1 bpf
tc filter add dev eth1 ingress pref 49152 handle 7 bpf bytecode '1,6 0 0 4294967295,'
tc -j filter show dev vethA parent ffff:
