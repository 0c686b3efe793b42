# offload fuzz seed 164
echo "1 1" > /sys/bus/netdevsim/new_device
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
tc qdisc add dev eth0 ingress_block 1 ingress
echo Y > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_accept
tc qdisc change dev eth0 ingress_block 2 ingress
ip link set dev eth0 up
tc filter del block 1 prio 1 handle 2 bpf
echo N > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_non_bound_accept
ethtool -K eth0 hw-tc-offload on
tc filter del dev eth1 parent ffff:fff3 prio 1 handle 1 bpf
tc filter show dev eth1 ingress
tc -s filter show block 1
tc filter add block 1 prio 10 handle 0x20 bpf bytecode '1,4 0 0 0,' skip_sw
ethtool -K eth1 hw-tc-offload on
tc -d filter show block 1
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_accept
