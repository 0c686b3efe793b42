# offload fuzz seed 2011
echo "1 2" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 7 clsact
tc qdisc add dev eth1 ingress_block 2 clsact
tc filter delete block 2 prio 1 handle 1 bpf
tc qdisc del dev eth1 clsact
tc filter show block 7
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
ethtool -K eth0 hw-tc-offload off
tc filter replace block 9 pref 1 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_hw
tc filter add dev eth0 root pref 10 handle 7 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
tc filter replace dev eth0 egress pref 1 handle 1 bpf obj $PROGS/tc_pass.o skip_hw da
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bound_progs/1/state
tc filter add dev eth1 ingress prio 5 handle 7 bpf obj $PROGS/tc_classid.o skip_sw da classid 1:5
ethtool -k eth1
tc filter add block 7 priority 2 bpf bytecode '1,6 0 0 0,' action goto chain 1 skip_hw
tc qdisc add dev eth1 clsact
tc qdisc add dev eth1 ingress_block 7 egress_block 2 clsact
tc filter del block 7 prio 2
ip link set dev eth1 xdpoffload obj $PROGS/xdp_pass.o sec xdp
echo 1 > /sys/bus/netdevsim/del_device
ethtool -K eth9 hw-tc-offload off
tc filter del dev eth9 egress prio 1
tc filter change dev eth9 ingress prio 10 handle 1 bpf obj $PROGS/tc_classid.o da
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter replace dev eth9 ingress prio 2 handle 7 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_hw
ip link set dev eth9 xdpoffload off
tc filter del dev nosuch parent ffff: prio 2 handle 2 bpf
ip link set dev eth9 xdpoffload off
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc del dev eth0 clsact
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
