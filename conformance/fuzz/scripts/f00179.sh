# offload fuzz seed 179
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth0 egress_block 2 clsact
tc qdisc add dev eth1 ingress_block 1 ingress
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter add dev eth1 ingress prio 49152 handle 7 bpf da classid 1:3 obj $PROGS/tc_pass.o sec classifier
ip link show eth0
tc filter delete dev eth0 ingress prio 49152 handle 1 bpf
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter del dev eth0 ingress prio 49152
ip link show eth1
tc filter add dev eth0 egress pref 49152 bpf bytecode '1,6 0 0 4294967295,'
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc qdisc del dev eth0 clsact
ethtool -K eth1 hw-tc-offload on
tc filter add dev eth0 ingress prio 49152 bpf obj $PROGS/tc_pass.o skip_sw da action gact pass index 3
tc filter add dev eth1 ingress prio 2 protocol 802.1q bpf bytecode '1,6 0 0 1,' skip_hw
