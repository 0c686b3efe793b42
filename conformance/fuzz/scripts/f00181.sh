# offload fuzz seed 181
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc change dev eth0 ingress
tc qdisc replace dev eth1 ingress_block 5 ingress
tc -s filter show dev eth0 ingress
tc -d filter show dev eth0 egress
tc filter add block 5 pref 10 handle 2 protocol 802.1q bpf bytecode '1,6 0 0 1,'
tc filter add block 1 chain 2 prio 49152 handle 1 bpf obj $PROGS/xdp_pass.o sec xdp skip_sw action gact drop
tc -j filter show dev eth1 ingress prio 49152
tc filter replace dev eth0 egress pref 10 protocol ip bpf skip_sw
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter add dev eth1 ingress pref 2 protocol ipv6 bpf obj $PROGS/xdp_pass.o sec xdp skip_sw
tc filter add block 5 pref 1 bpf bytecode '1,6 0 0 1,' skip_sw classid 1:5
ip link show eth1
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_accept
