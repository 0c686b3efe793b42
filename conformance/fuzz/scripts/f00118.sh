# offload fuzz seed 118
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
tc qdisc replace dev eth0 ingress_block 1 clsact
tc filter change dev eth0 parent ffff: pref 5 handle 2 bpf obj $PROGS/tc_classid.o skip_sw
tc filter add dev eth0 ingress handle 1 bpf obj $PROGS/tc_pass.o sec nosuch
ip link show eth1
ethtool -K eth0 hw-tc-offload on
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_xdpoffload_accept
tc filter del dev eth0 ingress prio 5 handle 0x20 bpf
tc -s filter show dev eth1 ingress
tc -d filter show dev eth1 ingress
echo "3 2" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
ip link set eth3 up
ethtool -K eth3 hw-tc-offload on
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00118_0 type classifier
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
tc filter del block 1 prio 5
tc qdisc add dev eth3 egress_block 2 clsact
echo 0 > /sys/kernel/debug/netdevsim/netdevsim3/ports/1/bpf_tc_non_bound_accept
tc qdisc del dev eth2 ingress
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_non_bound_accept
tc filter delete dev eth0 ingress chain 2
tc filter add block 2 chain 1 pref 10 protocol ipv6 bpf bytecode '1,6 0 0 0,' skip_sw
tc qdisc del dev eth2 ingress
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter del dev eth1 ingress prio 5 handle 2 bpf
ethtool -K eth3 hw-tc-offload off
