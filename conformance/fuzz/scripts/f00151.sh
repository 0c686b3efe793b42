# offload fuzz seed 151
echo "1 2" > /sys/bus/netdevsim/new_device
ethtool -K eth0 hw-tc-offload on
ip link set eth1 up
echo "2 2" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
ip link set eth3 up
ethtool -K eth3 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 2 ingress
tc qdisc add dev eth1 ingress_block 5 ingress
tc qdisc add dev eth2 ingress
tc qdisc replace dev eth3 ingress
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc qdisc show dev eth0 ingress
echo 0 > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_xdpoffload_accept
tc qdisc del dev eth0 ingress
tc qdisc add dev eth2 ingress_block 1 ingress
tc qdisc add dev eth2 ingress
echo 0 > /sys/kernel/debug/netdevsim/netdevsim2/ports/1/bpf_tc_non_bound_accept
tc filter show block 5 chain 0
tc filter change dev eth1 ingress prio 10 handle 2 bpf obj $PROGS/tc_classid.o sec tc skip_sw da
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
tc filter add dev eth1 parent ffff: handle 2 bpf bytecode '1,6 0 0 2,' skip_sw action drop
tc filter show block 5 prio 10
tc qdisc show
tc qdisc del dev eth0 ingress
tc filter show block 5
tc qdisc show dev eth0 ingress
tc chain show block 5
tc qdisc add dev eth3 ingress_block 7 ingress
tc filter add dev eth2 parent 1: prio 10 bpf obj $PROGS/tc_classid.o sec tc skip_hw da
tc filter replace block 7 pref 10 handle 1 bpf bytecode '1,6 0 0 1,' skip_sw
tc filter show dev eth0 ingress
tc filter add block 5 prio 49152 bpf bytecode '1,6 0 0 1,' skip_hw da
tc filter add dev eth3 ingress prio 2 handle 2 protocol 802.1q bpf obj $PROGS/tc_classid.o sec tc skip_sw da
