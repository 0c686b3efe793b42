# skip_sw bytecode with the default bpf_tc_non_bound_accept=N: the driver's extack reaches tc
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc qdisc add dev eth0 ingress
tc filter add dev eth0 ingress prio 1 bpf bytecode '1,6 0 0 0,' skip_sw
tc filter add dev eth0 ingress prio 1 bpf bytecode '1,6 0 0 0,'
tc filter show dev eth0 ingress
