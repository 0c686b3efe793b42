# offload fuzz seed 180
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 2 ingress
tc -d filter show dev nosuch ingress chain 2
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_xdpoffload_accept
tc filter replace block 7 handle 7 bpf bytecode '1,6 0 0 4294967295,' skip_hw
echo "2 1" > /sys/bus/netdevsim/new_device
ethtool -K eth1 hw-tc-offload on
tc filter del block 2 prio 49152
tc filter add block 2 chain 0 prio 1 bpf bytecode '1,6 0 0 4294967295,' skip_sw
tc filter add block 2 prio 1 handle 0x20 matchall skip_sw action drop
tc qdisc del dev eth1 ingress
tc filter del block 9 prio 1 handle 0x20 bpf
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bound_progs/2/loaded
tc qdisc del dev eth1 ingress
ip link set dev eth1 down
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
tc filter add dev eth1 ingress prio 10 handle 1 bpf obj $PROGS/tc_pass.o verbose skip_sw classid 1:4
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter add dev eth1 parent ffff: pref 3 handle 0x20 bpf bytecode '1,6 0 0 4294967295,' skip_sw da
echo N > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_non_bound_accept
tc filter delete dev eth1 egress prio 3
echo 1 > /sys/bus/netdevsim/del_device
tc -s filter show dev eth1 root
tc -p -j qdisc show
tc filter add dev eth1 egress pref 3 bpf obj $PROGS/tc_classid.o sec tc skip_hw da action gact reclassify
tc filter delete dev eth1 parent ffff: prio 2 handle 1 bpf
tc filter del dev eth1 ingress
tc filter del dev eth1 ingress prio 1
tc filter change dev eth1 ingress prio 2 protocol ipv6 bpf skip_sw obj $PROGS/tc_classid.o sec tc da
ethtool -K eth1 hw-tc-offload on
