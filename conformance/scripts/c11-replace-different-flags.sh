# replace may not change skip flags (cls_bpf_offload: EINVAL, no message)
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc qdisc add dev eth0 ingress
tc filter add dev eth0 ingress prio 1 handle 1 bpf bytecode '1,6 0 0 0,' skip_sw
tc filter replace dev eth0 ingress prio 1 handle 1 bpf bytecode '1,6 0 0 1,'
tc filter replace dev eth0 ingress prio 1 handle 1 bpf bytecode '1,6 0 0 1,' skip_hw
tc filter add dev eth0 ingress prio 2 handle 1 bpf bytecode '1,6 0 0 0,' skip_hw
tc filter replace dev eth0 ingress prio 2 handle 1 bpf bytecode '1,6 0 0 1,' skip_sw
tc filter replace dev eth0 ingress prio 2 handle 1 bpf bytecode '1,6 0 0 2,' skip_hw
tc filter show dev eth0 ingress
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
