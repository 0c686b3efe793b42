# offload fuzz seed 1
echo "1 2" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc replace dev eth0 ingress
tc qdisc add dev eth1 ingress
tc filter add block 7 bpf skip_sw obj /nonexistent.o da
echo 1 > /sys/bus/netdevsim/del_device
ip link set eth9 up
tc qdisc replace dev eth0 ingress_block 1 clsact
tc qdisc show
tc filter add dev nosuch ingress pref 49152 handle 2 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
tc qdisc change dev eth0 ingress
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc -s filter show dev eth9 ingress chain 2
tc filter show dev nosuch parent ffff:
