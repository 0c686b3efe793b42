# offload fuzz seed 99
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc change dev eth0 ingress_block 2 ingress
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter add dev eth0 ingress prio 3 bpf bytecode '1,4 0 0 0,' skip_sw da
ip -force link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
echo x > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter add dev eth0 parent ffff: pref 1 u32 match u32 0 0
ethtool -K eth1 hw-tc-offload on
tc -d filter show block 1
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
ip link set dev eth1 xdpoffload off
tc filter replace dev eth1 parent ffff: pref 3 handle 0x20 protocol ipv6 bpf obj $PROGS/tc_classid.o skip_hw da
tc filter change dev eth1 ingress pref 3 bpf action gact pass index 3 bytecode '1,6 0 0 1,' skip_sw
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc qdisc del dev eth1 ingress
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00099_0 type classifier dev eth1
tc filter add dev eth0 ingress bpf obj $PROGS/tc_classid.o sec tc skip_sw da
echo 3 > /sys/bus/netdevsim/del_device
tc filter show dev eth1 ingress prio 3
tc qdisc add dev eth0 ingress_block 1 ingress
tc qdisc add dev eth1 ingress
tc filter add block 1 chain 0 prio 49152 handle 1 bpf bytecode '1,6 0 0 1,' skip_sw da
