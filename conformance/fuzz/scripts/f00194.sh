# offload fuzz seed 194
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth1 ingress_block 2 clsact
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
echo 2 > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
tc -p -j filter show dev eth1 egress
tc qdisc del dev eth1 clsact
tc filter del dev eth0 ingress
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc -d filter show dev eth1 ingress
tc filter add dev eth0 ingress pref 49152 handle 7 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_hw da
echo 0 > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_accept
tc qdisc add dev eth0 ingress_block 1 ingress
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_xdpoffload_accept
ip link show eth0
tc filter add block 1 prio 5 bpf bytecode '1,6 0 0 2,' skip_sw
