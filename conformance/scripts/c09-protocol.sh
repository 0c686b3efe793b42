# netdevsim only takes ETH_P_ALL; other protocols stay in software unless skip_sw
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc qdisc add dev eth0 ingress
tc filter add dev eth0 ingress prio 1 protocol ip bpf bytecode '1,6 0 0 0,' skip_sw
tc filter add dev eth0 ingress prio 1 protocol ip bpf bytecode '1,6 0 0 0,'
tc filter add dev eth0 ingress prio 2 protocol all bpf bytecode '1,6 0 0 0,' skip_sw
tc filter show dev eth0 ingress
tc -j filter show dev eth0 ingress
