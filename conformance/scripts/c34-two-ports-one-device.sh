# two ports of one device each hold their own program; bound programs are per device
echo "1 2" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ip link set eth1 up
ethtool -K eth0 hw-tc-offload on
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth0 ingress
tc qdisc add dev eth1 ingress
tc filter add dev eth0 ingress prio 1 bpf skip_sw da obj $PROGS/tc_pass.o sec classifier
tc filter add dev eth1 ingress prio 1 bpf skip_sw da obj $PROGS/tc_classid.o sec tc
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/1/bpf_offloaded_id
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bound_progs/0/loaded
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bound_progs/1/loaded
tc filter show dev eth1 ingress
