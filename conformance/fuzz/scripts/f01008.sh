# offload fuzz seed 1008
echo "1 2" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth1 ingress_block 5 egress_block 3 clsact
tc filter replace dev eth1 parent ffff: prio 2 handle 7 bpf bytecode '1,6 0 0 2,' skip_sw
tc filter show dev eth0 ingress
tc qdisc add dev eth0 clsact
tc filter del block 5 prio 2
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc -s -d filter show dev eth1 egress
tc qdisc add dev eth0 ingress
tc qdisc add dev eth1 ingress
tc filter replace block 5 prio 2 bpf bytecode '1,6 0 0 4294967295,' da
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
