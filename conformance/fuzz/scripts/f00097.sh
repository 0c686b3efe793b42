# offload fuzz seed 97
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
tc qdisc add dev eth0 ingress_block 1 egress_block 3 clsact
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bound_progs/0/state
tc filter add block 1 chain 2 prio 10 bpf obj $PROGS/tc_classid.o da
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
tc qdisc add dev eth0 ingress
tc filter add dev eth0 egress pref 5 handle 2 bpf skip_sw obj $PROGS/tc_pass.o da
tc filter replace dev eth9 ingress prio 5 handle 1 bpf bytecode '1,6 0 0 1,' skip_sw
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
ip -j link show eth0
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 2 clsact
tc filter add block 1 pref 1 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_hw
ip link set eth0 up
tc -s -d filter show dev eth0 ingress
