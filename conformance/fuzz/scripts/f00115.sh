# offload fuzz seed 115
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
tc qdisc add dev eth0 ingress_block 5 clsact
tc filter add dev eth0 egress prio 10 handle 2 bpf obj $PROGS/tc_classid.o sec tc skip_sw skip_sw
ethtool -K eth1 hw-tc-offload off
tc filter add dev eth1 ingress prio 5 protocol ip u32 match u32 0 0 action drop
tc qdisc change dev eth1 ingress
tc filter add block 5 prio 3 bpf bytecode '1,6 0 0 2,' skip_sw
tc qdisc add dev eth1 ingress_block 1 clsact
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
cat /sys/kernel/debug/netdevsim/netdevsim2/bpf_bind_accept
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
tc qdisc add dev eth2 ingress_block 5 clsact
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter replace block 5 prio 5 handle 1 bpf bytecode '1,6 0 0 1,'
tc filter add block 1 prio 3 bpf obj /nonexistent.o skip_sw
tc filter del block 5 prio 5 handle 0x20 bpf
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter del block 5 prio 10 handle 0x20 bpf
ethtool -k eth1
