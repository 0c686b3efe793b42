# bpf_bind_accept=N: a device-bound load fails in the verifier prep (EOPNOTSUPP)
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress
echo N > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
tc filter add dev eth0 ingress prio 1 bpf skip_sw da obj $PROGS/tc_pass.o sec classifier
tc filter show dev eth0 ingress
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
tc filter add dev eth0 ingress prio 1 bpf skip_sw da obj $PROGS/tc_pass.o sec classifier
tc filter show dev eth0 ingress
