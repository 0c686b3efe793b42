# bpf_tc_accept=N rejects every TC request
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc qdisc add dev eth0 ingress
tc filter add dev eth0 ingress prio 1 bpf skip_sw da obj $PROGS/tc_pass.o sec classifier
tc filter add dev eth0 ingress prio 1 bpf da obj $PROGS/tc_pass.o sec classifier
tc filter show dev eth0 ingress
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
