# offload fuzz seed 157
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
ip link add vethA type veth peer name vethB
ip link set vethA up
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc qdisc add dev eth0 clsact ingress_block 2
tc qdisc add dev vethA ingress_block 2 egress_block 2 clsact
tc filter add block 2 pref 2 bpf bytecode '1,6 0 0 4294967295,' skip_hw
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
echo N > /sys/kernel/debug/netdevsim/netdevsim3/ports/0/bpf_xdpoffload_accept
tc filter get dev vethA ingress protocol all pref 2 handle 1 bpf
tc filter show block 2
tc qdisc del dev vethA clsact
tc filter add block 9 prio 5 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
tc filter replace dev eth2 ingress pref 2 handle 0x20 bpf bytecode '1,6 0 0 0,' skip_sw
tc qdisc del dev eth2 ingress
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc -p -j filter show block 2
tc -s -d filter show block 2
echo Y > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_xdpoffload_accept
echo 1 > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_xdpoffload_accept
tc qdisc replace dev eth2 ingress_block 1 clsact
tc -s filter show block 2
ip link set eth1 down
cat /sys/kernel/debug/netdevsim/netdevsim3/ports/0/bpf_tc_non_bound_accept
tc -d filter show block 9 chain 1
tc -j filter show dev eth2 egress chain 1
tc filter add dev vethA ingress prio 1 bpf obj $PROGS/tc_classid.o skip_sw da
