# offload fuzz seed 73
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 1 ingress
tc chain show dev eth0 ingress
ethtool -K eth0 hw-tc-offload on
tc filter replace dev eth0 root pref 1 handle 1 bpf obj $PROGS/tc_classid.o da
tc -j filter show block 1
tc filter add block 1 pref 1 bpf obj $PROGS/xdp_pass.o sec xdp skip_sw classid 1:4
tc filter delete dev eth0 ingress prio 1 handle 1 bpf
tc qdisc add dev eth0 ingress
tc qdisc add dev eth0 ingress_block 7 clsact
tc chain show block 1
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_xdpoffload_accept
ip link show eth0
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_xdpoffload_accept
tc chain show block 1
echo "2 1" > /sys/bus/netdevsim/new_device
ethtool -K eth1 hw-tc-offload on
tc filter add dev eth1 egress prio 1 bpf bytecode '1,6 0 0 0,' da
tc qdisc show dev eth1
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter add block 1 pref 5 bpf obj $PROGS/tc_pass.o sec classifier skip_sw da
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f00073_0 type classifier dev eth1
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
tc qdisc replace dev eth0 ingress ingress_block 5
tc filter del block 1
echo N > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
ip link show eth1
