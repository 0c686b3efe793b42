# network namespaces: ip netns add/del, ip link set DEV netns NS, ip -n / tc -n, ip netns exec
ip netns add offload-c40a
ip netns add offload-c40a
ip netns del offload-c40b
ip netns delete offload-c40b
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress
tc filter add dev eth0 ingress prio 1 bpf skip_sw da obj $PROGS/tc_pass.o sec classifier
ip link set eth0 netns offload-c40a
ip link show eth0
tc qdisc show dev eth0
ip -n offload-c40a link show eth0
ip -netns offload-c40a -j link show eth0
tc -n offload-c40a qdisc show dev eth0
tc -n offload-c40a filter show dev eth0 ingress
ip netns exec offload-c40a tc qdisc add dev eth0 ingress
ip netns exec offload-c40a tc filter add dev eth0 ingress prio 1 bpf skip_sw da obj $PROGS/tc_pass.o sec classifier
ip netns exec offload-c40a ethtool -k eth0
ip link set eth0 up
ip -n offload-c40a link set eth0 up
ip netns exec offload-c40a tc filter add dev eth0 ingress prio 2 bpf skip_sw da obj $PROGS/tc_pass.o sec classifier
tc -n offload-c40a filter show dev eth0 ingress
ip -n offload-c40a link show lo
tc -n offload-c40a qdisc delete dev lo handle 0
ip -n offload-c40b link show
tc -n offload-c40b qdisc show
ip netns exec offload-c40b tc qdisc show
ip link set lo netns offload-c40a
ip link set eth9 netns offload-c40a
ip link set eth0 netns offload-c40b
ip netns del offload-c40a
ip netns del offload-c40a
