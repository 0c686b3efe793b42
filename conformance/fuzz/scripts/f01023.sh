# offload fuzz seed 1023
echo "1 1" > /sys/bus/netdevsim/new_device
ethtool -K eth0 hw-tc-offload on
ip link add vethA type veth peer name vethB
tc qdisc add dev vethA ingress_block 7 clsact
tc qdisc add dev eth0 ingress
tc qdisc add dev vethB ingress_block 5 clsact
tc qdisc show dev vethA
tc qdisc del dev eth0 ingress
tc -p -j filter show dev eth0 ingress
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_xdpoffload_accept
tc filter show dev vethA ingress
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
ethtool -k eth0
tc filter add dev eth0 egress u32 match u32 0 0 action drop
tc qdisc add dev vethA clsact
tc chain show dev vethA ingress
tc filter show dev eth0 ingress
tc chain show block 9
tc filter add dev vethB ingress chain 1 pref 2 matchall skip_sw action drop
ip link set dev eth0 up
