# offload fuzz seed 236
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
ip link add vethA type veth peer name vethB
tc qdisc add dev vethA ingress_block 1 clsact
tc qdisc add dev vethB ingress_block 5 clsact
ip link set eth0 down
tc filter show dev eth1 parent ffff:
tc filter change block 5 pref 1 handle 2 bpf obj $PROGS/tc_pass.o sec classifier da
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
ethtool -k eth1
tc filter add block 5 prio 1 handle 7 bpf bytecode '1,6 0 0 4294967295,'
tc -s -j filter show dev vethB ingress chain 1
tc filter add block 1 prio 2 handle 2 bpf bytecode '2,6 0 0 0,' skip_hw action continue
tc filter del block 5 prio 1 handle 2 bpf
tc filter add dev vethA ingress prio 2 handle 0x20 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
echo x > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_non_bound_accept
tc filter add dev vethA egress pref 49152 handle 0x20 bpf bytecode '1,6 0 0 4294967295,' skip_sw da
tc qdisc add dev vethB clsact
tc filter show block 5
tc filter replace block 1 pref 1 handle 1 bpf bytecode '1,6 0 0' skip_sw classid 1:4
tc -j qdisc show dev vethB clsact
tc filter replace dev vethB ingress pref 2 handle 1 bpf skip_sw
