# netdevsim binds ingress only: on clsact egress it is a non-offload device
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc qdisc add dev eth0 clsact
tc filter add dev eth0 egress prio 1 bpf skip_sw da obj $PROGS/tc_pass.o sec classifier
tc filter add dev eth0 egress prio 1 bpf bytecode '1,6 0 0 0,' skip_sw
tc filter add dev eth0 egress prio 1 bpf bytecode '1,6 0 0 0,'
tc filter add dev eth0 ingress prio 1 bpf bytecode '1,6 0 0 0,' skip_sw
tc filter show dev eth0 egress
tc filter show dev eth0 ingress
