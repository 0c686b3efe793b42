# offload fuzz seed 192
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
tc qdisc add dev eth0 ingress_block 2 ingress
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter replace dev eth0 ingress pref 3 bpf obj $PROGS/tc_classid.o sec tc skip_sw da
tc filter delete dev eth0 egress
tc -s -d filter show block 2
tc qdisc del dev eth0 ingress
tc filter del dev eth0 ingress prio 3
echo N > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_accept
tc qdisc del dev eth0 ingress
tc filter show dev eth0 egress
tc -s -d filter show dev eth0 ingress
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
ethtool -K eth0 tc-offload off
ip link set eth0 down
tc filter show dev eth0 ingress
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc qdisc show
