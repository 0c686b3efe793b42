# offload fuzz seed 152
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 1 ingress
tc qdisc add dev eth1 ingress_block 7 ingress
tc qdisc add dev eth2 clsact
tc filter add dev eth0 egress prio 3 handle 0x20 bpf obj $PROGS/xdp_pass.o sec xdp
tc -p -j filter show dev eth1 ingress prio 5
tc filter show dev eth0 ingress
tc qdisc add dev eth1 ingress
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00152_0 type classifier dev eth2
tc filter add block 7 prio 1 handle 0x20 bpf bytecode '1,6 0 0 2,' skip_sw
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
ip link set eth2 up
ip link set dev eth1 xdpoffload off
tc filter del dev eth1 ingress prio 5 handle 1 bpf
tc qdisc add dev eth0 clsact
tc filter del dev eth2 ingress
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc -s filter show dev eth2 root
echo 2 > /sys/bus/netdevsim/del_device
echo 0 > /sys/kernel/debug/netdevsim/netdevsim2/bpf_bind_accept
tc filter replace block 2 prio 3 handle 7 bpf obj $PROGS/tc_classid.o skip_sw da
echo 1 > /sys/bus/netdevsim/del_device
tc filter add dev eth2 ingress prio 1 u32 match u32 0 0 action drop
tc filter del dev eth2 ingress prio 3
tc filter add dev eth2 egress prio 49152 handle 2 matchall skip_sw action drop
