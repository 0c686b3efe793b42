# offload fuzz seed 72
echo "1 1" > /sys/bus/netdevsim/new_device
ethtool -K eth0 hw-tc-offload on
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f00072_0 type classifier dev eth0
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_xdpoffload_accept
tc filter del dev eth0 ingress prio 3
tc filter del dev eth0 parent ffff: chain 1 prio 3 handle 2 bpf
ethtool -K eth0 hw-tc-offload on
tc chain show dev eth0 ingress
tc -s qdisc show dev eth0 clsact
tc -d filter show dev eth0 egress
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bound_progs/2/state
tc qdisc replace dev eth0 ingress_block 5 ingress
tc -j filter get block 7 protocol all pref 3 handle 0x20 bpf
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter add dev eth0 egress prio 1 protocol ipv6 bpf obj $PROGS/tc_pass.o da classid 1:4
tc filter add dev eth0 ingress prio 49152 bpf bytecode '1,6 0 0 1,' skip_sw da
