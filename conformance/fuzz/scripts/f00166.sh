# offload fuzz seed 166
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link add vethA type veth peer name vethB
tc qdisc replace dev eth0 ingress_block 1 egress_block 7 clsact
tc qdisc add dev vethA ingress_block 2 clsact
tc qdisc add dev vethB clsact
tc filter change dev eth0 egress prio 5 handle 1 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw skip_sw
tc filter delete block 7 prio 5
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc -j filter show dev vethB ingress
tc -j filter show block 7
tc chain show block 2
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter change block 1 pref 5 handle 1 bpf skip_sw da
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f00166_0 type classifier dev eth0
tc filter del block 7 prio 5 handle 0x20 bpf
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bound_progs/0/loaded
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter add block 2 pref 2 bpf bytecode '1,6 0 0 2,' skip_hw action gact drop
tc filter replace dev vethA ingress prio 2 handle 7 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
tc filter show block 1
tc -d filter show block 1
tc filter del block 2 prio 5
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter add block 2 chain 1 prio 3 handle 2 protocol all bpf obj $PROGS/tc_pass.o sec classifier skip_hw da
tc filter add block 7 prio 10 handle 7 bpf bytecode '1,6 0 0' skip_sw
echo N > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_accept
ip link show nosuch
tc -j filter show block 1
