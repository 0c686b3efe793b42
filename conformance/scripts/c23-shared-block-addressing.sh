# filters of a shared block must be addressed by block index
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 8 ingress
tc qdisc show dev eth0
tc filter add dev eth0 ingress prio 1 bpf bytecode '1,6 0 0 0,'
tc filter add block 8 prio 1 bpf bytecode '1,6 0 0 0,'
tc filter show dev eth0 ingress
tc filter show block 8
tc filter add block 9 prio 1 bpf bytecode '1,6 0 0 0,'
