# bpf_tc_non_bound_accept=Y: a classic bytecode filter without flags is offloaded (in_hw)
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc qdisc add dev eth0 ingress
tc filter add dev eth0 ingress prio 1 bpf bytecode '1,6 0 0 0,'
tc filter show dev eth0 ingress
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter del dev eth0 ingress prio 1
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
