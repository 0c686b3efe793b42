# tc_new_tfilter resolves qdisc, block and chain before cls_bpf looks at the program
echo "1 2" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ip link set eth1 up
ethtool -K eth0 hw-tc-offload on
tc filter add dev eth0 ingress prio 1 bpf bytecode '1,21 0 5 0,'
tc filter add dev eth0 egress prio 1 bpf bytecode '1,21 0 5 0,'
tc filter add block 9 prio 1 bpf bytecode '1,21 0 5 0,'
tc qdisc add dev eth0 ingress_block 5 ingress
tc filter add dev eth0 ingress prio 1 bpf bytecode '1,21 0 5 0,'
tc filter add dev eth0 egress prio 1 bpf bytecode '1,21 0 5 0,'
tc filter add block 5 prio 1 bpf bytecode '1,21 0 5 0,'
tc filter add block 5 prio 1 bpf bytecode '1,21 0 5 0,' skip_sw
tc filter add block 9 prio 1 bpf bytecode '1,21 0 5 0,'
tc qdisc add dev eth1 clsact
tc filter add dev eth1 egress prio 2 bpf bytecode '1,21 0 5 0,'
tc filter add dev eth1 root prio 2 bpf bytecode '1,21 0 5 0,'
tc filter add dev eth1 parent 1: prio 2 bpf bytecode '1,21 0 5 0,'
tc filter change dev eth1 ingress prio 2 bpf bytecode '1,21 0 5 0,'
tc filter change dev eth1 ingress prio 2 protocol all bpf bytecode '1,21 0 5 0,'
tc filter add dev eth1 ingress prio 2 bpf bytecode '1,6 0 0 0,'
tc filter change dev eth1 ingress prio 2 protocol all handle 1 bpf bytecode '1,21 0 5 0,'
tc filter add dev eth1 ingress prio 2 protocol ip bpf bytecode '1,21 0 5 0,'
tc filter add dev eth1 ingress prio 2 matchall
tc filter add dev eth1 ingress chain 3 prio 2 bpf bytecode '1,21 0 5 0,'
tc filter add dev eth1 ingress chain 4294967295 prio 2 bpf bytecode '1,21 0 5 0,'
tc filter show dev eth1 ingress
