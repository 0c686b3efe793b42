# both skip flags: tc_flags_valid() fails, EINVAL without a message
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc qdisc add dev eth0 ingress
tc filter add dev eth0 ingress prio 1 bpf bytecode '1,6 0 0 0,' skip_sw skip_hw
tc filter add dev eth0 ingress prio 1 bpf skip_hw skip_sw da obj $PROGS/tc_pass.o sec classifier
tc filter show dev eth0 ingress
