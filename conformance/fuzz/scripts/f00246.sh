# offload fuzz seed 246
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc change dev eth1 egress_block 2 clsact
tc filter add dev eth1 parent ffff: pref 1 bpf bytecode '1,6 0 0' skip_sw skip_hw
tc -j filter show dev eth1 ingress
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
tc filter show dev eth0 ingress
tc filter replace dev eth0 parent ffff: pref 2 handle 0x20 bpf bytecode '1,6 0 0 1,' skip_sw
tc -s filter show dev eth9 parent ffff:
ip link show eth1
tc filter replace dev eth1 ingress prio 2 handle 1 bpf bytecode '2,6 0 0 0,' da
