# offload fuzz seed 32
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
tc qdisc replace dev eth0 clsact
tc qdisc add dev eth0 ingress
ip link set dev eth0 xdpoffload off
tc filter add block 1 prio 2 bpf bytecode '1,6 0 0 2,'
tc filter replace dev eth0 parent ffff: chain 0 prio 2 handle 0x20 protocol all bpf bytecode '1,6 0 0 0,' skip_sw
tc filter replace dev eth0 ingress prio 2 handle 2 bpf bytecode '1,6 0 0 0,'
tc filter show dev eth0 root
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
ethtool -K eth0 hw-tc-offload off
tc filter add dev eth0 ingress handle 0x20 protocol all bpf skip_sw bytecode '1,6 0 0 0,'
tc chain show dev eth0 ingress
