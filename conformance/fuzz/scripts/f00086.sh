# offload fuzz seed 86
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc change dev eth1 ingress_block 2 ingress
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
echo 2 > /sys/bus/netdevsim/del_device
tc filter show dev eth0 ingress
echo N > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_accept
ip -j link show eth0
ip link show eth0
ip link set eth0 down
tc filter show dev eth0 root
tc -s filter show dev eth0 ingress prio 3
tc filter replace dev eth0 parent ffff: chain 0 prio 5 handle 0x20 bpf obj $PROGS/tc_classid.o skip_sw da
tc filter add dev eth0 ingress prio 5 bpf bytecode '1,6 0 0 2,' skip_sw
