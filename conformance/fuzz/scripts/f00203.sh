# offload fuzz seed 203
echo "1 2" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc -s qdisc show dev eth0
ip link set dev eth1 xdpoffload off
tc filter add dev eth0 parent ffff: chain 2 bpf obj $PROGS/tc_pass.o sec classifier classid 1:3 action ok da skip_sw
echo 2 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/1/bpf_tc_non_bound_accept
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/ports/1/bpf_tc_non_bound_accept
tc filter add dev eth0 parent ffff: prio 2 handle 2 bpf da obj $PROGS/tc_classid.o sec tc skip_sw
tc filter add dev eth1 egress prio 1 bpf bytecode '1,6 0 0 0,6 0 0 0,' skip_sw
tc filter add dev nosuch egress pref 5 protocol all bpf bytecode '1,6 0 0 0,' skip_hw
tc -d filter show dev eth0 ingress
tc filter del dev eth1 parent ffff: prio 5
tc filter delete dev eth0 ingress prio 2 handle 2 bpf
tc filter add dev eth1 ingress pref 3 bpf bytecode '1,6 0 0 1,' skip_sw da
tc filter add dev eth0 ingress pref 49152 matchall skip_sw action drop
ip link show nosuch
tc qdisc add dev eth1 ingress_block 2 ingress
tc -s -d filter show dev eth1 parent ffff: chain 0
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00203_0 type classifier dev eth1
tc filter show block 2 prio 2
tc filter add dev eth0 ingress prio 2 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw da action pipe
bpftool prog show pinned /sys/fs/bpf/f00203_0
