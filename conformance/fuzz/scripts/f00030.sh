# offload fuzz seed 30
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth0 clsact
tc qdisc add dev eth1 ingress_block 5 ingress
echo x > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_accept
tc filter add dev eth0 egress prio 5 bpf obj /nonexistent.o skip_sw da classid 1:8
ip link show eth0
tc filter show block 5
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00030_0 type classifier dev eth1
tc qdisc change dev eth0 ingress_block 2 egress_block 3 clsact
ip link show eth1
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_xdpoffload_accept
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
bpftool prog show pinned /sys/fs/bpf/f00030_0
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter add dev eth0 ingress pref 49152 handle 7 protocol ip bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
