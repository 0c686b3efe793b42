# offload fuzz seed 195
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 2" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc qdisc replace dev eth0 ingress
tc qdisc replace dev eth1 ingress
tc filter del dev eth2 ingress prio 2
ip -force link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec nosuch
tc filter del block 7 prio 2
tc filter add dev eth2 ingress pref 10 handle 1 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_hw da
tc filter delete dev eth1 parent ffff: prio 2
tc filter replace dev eth0 ingress prio 10 bpf bytecode '1,6 0 0 2,' skip_sw
tc filter del dev eth2 ingress chain 1 prio 5 handle 0x20 bpf
tc qdisc replace dev eth0 ingress_block 5 ingress
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
tc -s filter show dev eth1 ingress
tc qdisc add dev eth1 ingress_block 5 clsact
tc filter change dev eth1 root prio 5 bpf bytecode '1,6 0 0 2,' skip_sw action pipe
echo N > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_non_bound_accept
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth3 up
ethtool -K eth3 hw-tc-offload on
cat /sys/kernel/debug/netdevsim/netdevsim3/bpf_bound_progs/2/loaded
