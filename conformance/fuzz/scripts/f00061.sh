# offload fuzz seed 61
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress
ip link set dev eth0 up
tc -p -j filter show dev eth0 egress
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter add dev eth0 ingress prio 1 bpf bytecode '1,6 0 0 4294967295,' skip_hw da
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00061_0 type classifier
echo x > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
tc filter add dev eth0 ingress pref 2 handle 2 bpf da bytecode '2,6 0 0 0,'
tc filter show dev eth0 egress prio 1
tc -s qdisc show dev eth0
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
