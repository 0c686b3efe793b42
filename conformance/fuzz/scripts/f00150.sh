# offload fuzz seed 150
echo "1 2" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 2 clsact
tc qdisc add dev eth1 ingress_block 2 ingress
tc qdisc add dev eth2 ingress_block 1 clsact
tc filter add block 1 handle 0x20 bpf bytecode '1,6 0 0 2,'
tc filter show dev eth0 egress prio 2
tc -s qdisc show
tc filter add block 2 pref 1 bpf bytecode '1,6 0 0 0,'
tc -p -j filter show dev eth1 ingress
tc filter add block 1 prio 5 bpf obj $PROGS/tc_classid.o sec tc da
tc filter show dev eth0 ingress
tc filter show block 2 chain 2
tc qdisc show
tc filter add block 2 prio 2 handle 0x20 protocol all bpf bytecode '1,6 0 0 1,' skip_sw
tc filter del block 1 prio 5 handle 2 bpf
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
tc filter show dev eth2 egress
tc qdisc del dev eth2 clsact
echo x > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_accept
tc qdisc add dev eth1 ingress_block 1 ingress
tc filter add block 2 pref 5 bpf obj $PROGS/tc_classid.o sec tc skip_sw da
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_delay
ethtool -k eth2
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth3 up
ethtool -K eth3 hw-tc-offload on
tc filter add dev eth2 ingress pref 49152 bpf skip_hw bytecode '2,177 0 0 0,6 0 0 0,'
tc filter show block 2
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f00150_0 type classifier dev eth2
ethtool -K eth2 hw-tc-offload off
ip link set dev eth3 xdpoffload off
