# the parent stored for a tp and the ingress/egress word of a dump
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link add vethA type veth peer name vethB
tc qdisc add dev vethA ingress
tc filter add dev vethA egress prio 1 bpf bytecode '1,6 0 0 0,'
tc filter add dev vethA parent ffff:fff3 prio 2 bpf bytecode '1,6 0 0 0,'
tc filter show dev vethA ingress
tc filter show dev vethA egress
tc -j filter show dev vethA ingress
tc filter add dev vethA ingress prio 3 bpf bytecode '1,6 0 0 0,'
tc filter show dev vethA ingress
tc qdisc add dev vethB clsact
tc filter add dev vethB ingress prio 1 bpf bytecode '1,6 0 0 0'
tc filter add dev vethB ingress prio 1 bpf bytecode '1,21 0 5 0,'
tc filter add dev vethB egress prio 1 bpf bytecode '1,6 0 0 0,'
tc filter show dev vethB ingress
tc filter show dev vethB egress
tc filter add dev vethB ingress prio 1 bpf bytecode '1,6 0 0 0,'
tc filter show dev vethB ingress
tc filter show dev vethB egress
tc -p -j filter show dev vethB egress
tc qdisc add dev eth0 ingress_block 7 clsact
tc filter add block 7 prio 1 bpf bytecode '1,6 0 0 0,' skip_sw
tc filter add block 7 chain 2 prio 1 bpf bytecode '1,6 0 0 0,'
tc chain show dev eth0 ingress
tc chain show block 7
tc chain show dev eth0 egress
tc filter show dev eth0 ingress
tc filter show dev eth0 egress
