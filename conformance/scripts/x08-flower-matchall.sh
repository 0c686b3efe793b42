# opaque classifiers answer like the kernel where they answer at all
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 clsact
tc filter add dev eth0 ingress prio 1 flower
tc filter add dev eth0 ingress prio 1 flower
tc filter add dev eth0 ingress prio 1 flower action drop
tc filter show dev eth0 ingress
tc filter add dev eth0 ingress prio 2 matchall action drop
tc filter add dev eth0 ingress prio 2 matchall action drop
tc filter add dev eth0 ingress prio 3 matchall skip_sw action drop
tc filter add dev eth0 ingress prio 4 flower skip_sw
tc filter show dev eth0 ingress
tc -s filter show dev eth0 ingress
tc filter add dev eth0 egress prio 5 u32 match u32 0 0
tc filter add dev eth0 egress prio 5 handle 2 u32 match u32 0 0
tc filter show dev eth0 egress
