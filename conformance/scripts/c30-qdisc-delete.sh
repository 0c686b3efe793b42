# deleting the qdisc destroys its filters and frees the bound program
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress
tc filter add dev eth0 ingress prio 1 bpf skip_sw da obj $PROGS/tc_pass.o sec classifier
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bound_progs/0/loaded
tc qdisc del dev eth0 ingress
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bound_progs/0/loaded
tc filter show dev eth0 ingress
