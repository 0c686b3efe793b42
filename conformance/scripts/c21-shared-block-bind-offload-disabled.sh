# a device with hw-tc-offload off cannot join a block with offloaded filters
echo "1 1" > /sys/bus/netdevsim/new_device
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ip link set eth1 up
ethtool -K eth0 hw-tc-offload on
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc qdisc add dev eth0 ingress_block 6 ingress
tc filter add block 6 prio 1 bpf bytecode '1,6 0 0 0,' skip_sw
tc qdisc add dev eth1 ingress_block 6 ingress
tc qdisc show dev eth1
tc filter show block 6
