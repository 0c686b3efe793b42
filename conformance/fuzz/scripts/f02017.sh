# offload fuzz seed 2017
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 clsact
ip link set dev eth0 xdpoffload off
tc filter del dev eth0 parent ffff:
tc filter replace dev eth0 parent 1: prio 1 handle 2 flower action drop
tc -s filter show dev eth0 ingress
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter show dev eth0 ingress
tc qdisc add dev eth0 ingress_block 5 clsact
tc qdisc replace dev eth0 egress_block 2 clsact
tc filter delete dev eth0 ingress prio 1 handle 2 bpf
tc filter add dev nosuch ingress prio 2 bpf bytecode '1,6 0 0 4294967295,'
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_accept
