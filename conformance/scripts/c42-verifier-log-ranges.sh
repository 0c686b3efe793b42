# the verifier log of a refused device-bound load with a branch and a ctx field (6.12: a new
# register format, source lines with their place)
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress
echo N > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_accept
tc filter add dev eth0 ingress prio 1 bpf skip_sw da obj $PROGS/tc_classid.o sec tc
tc filter add dev eth0 ingress prio 1 bpf skip_sw da obj $PROGS/tc_pass.o sec classifier verbose
tc filter show dev eth0 ingress
