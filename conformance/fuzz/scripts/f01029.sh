# offload fuzz seed 1029
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth0 ingress
tc qdisc replace dev eth1 ingress
tc filter show dev eth1 parent ffff:
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_map_accept
tc filter add dev eth1 parent ffff: preference 2 bpf bc '1,6 0 0 0,' direct-action
tc chain show dev eth1 ingress
tc filter show block 1 chain 1
tc filter show dev eth1 ingress protocol ip
tc filter replace dev eth1 ingress prio 2 handle 2 bpf bytecode '1,6 0 0 2,' skip_sw
tc -d filter show dev eth1 parent ffff: chain 0
tc filter show dev eth0 egress
tc -j filter show dev eth1 egress
