# offload fuzz seed 138
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 egress_block 2 clsact
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter delete dev eth0 parent ffff:
tc qdisc show dev eth9
ip link set dev eth0 up
tc filter del dev eth0 ingress prio 2 handle 0x20 bpf
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter add dev eth0 ingress pref 5 bpf bytecode '1,21 0 5 0,' classid 1:6
tc qdisc show
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
tc qdisc add dev eth0 ingress
ethtool -K eth0 hw-tc-offload on
ethtool -K eth0 hw-tc-offload off
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f00138_0 type classifier dev eth0
tc -s filter show dev eth0 ingress
tc filter show block 9 chain 0
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc qdisc add dev eth0 clsact
tc qdisc show dev eth0
tc filter add dev eth0 ingress pref 3 handle 0x20 protocol arp bpf bytecode '1,6 0 0 1,' skip_sw
tc -d filter show block 5
tc -j filter show dev eth0 root
