# qdisc_change checks blocks only inside if (tca[TCA_OPTIONS]): a replace keeps the old blocks
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 1 clsact
tc qdisc replace dev eth0 ingress_block 2 clsact
tc qdisc show dev eth0
tc qdisc replace dev eth0 ingress_block 2 egress_block 3 clsact
tc qdisc show dev eth0
tc qdisc replace dev eth0 ingress_block 1 egress_block 3 clsact
tc qdisc replace dev eth0 clsact
tc qdisc replace dev eth0 ingress_block 2 ingress
tc qdisc change dev eth0 ingress_block 2 clsact
tc qdisc add dev eth0 ingress_block 2 clsact
tc qdisc show dev eth0
tc filter add block 1 prio 1 bpf bytecode '1,6 0 0 0,'
tc filter show block 1
tc filter show block 2
tc qdisc del dev eth0 clsact
tc qdisc replace dev eth0 ingress_block 4 ingress
tc qdisc replace dev eth0 ingress_block 6 ingress
tc qdisc show dev eth0
