# verifier delay and accept knobs on a device-bound load
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress
echo 50 > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_delay
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_delay
tc filter add dev eth0 ingress prio 1 bpf skip_sw da obj $PROGS/tc_classid.o sec tc
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_delay
echo N > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_accept
tc filter replace dev eth0 ingress prio 1 bpf skip_sw da obj $PROGS/tc_pass.o sec classifier
tc filter show dev eth0 ingress
