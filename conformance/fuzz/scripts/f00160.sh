# offload fuzz seed 160
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 1 ingress
tc filter add block 1 pref 49152 protocol arp bpf bytecode '1,6 0 0 4294967295,' classid 1:3
ip link set dev eth0 xdpoffload off
tc qdisc replace dev eth0 ingress_block 1 clsact
tc qdisc add dev eth0 ingress
echo "2 2" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc filter add block 1 chain 0 prio 5 bpf bytecode '1,6 0 0 0,' skip_hw classid 1:3
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/1/bpf_tc_accept
tc filter change dev eth1 egress pref 5 handle 2 bpf obj $PROGS/tc_pass.o skip_sw da
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth3 up
ethtool -K eth3 hw-tc-offload on
tc filter add dev eth3 ingress prio 5 protocol 802.1q bpf bytecode '1,6 0 0 4294967295,' skip_hw da
cat /sys/kernel/debug/netdevsim/netdevsim2/bpf_bind_accept
tc filter add dev eth1 ingress chain 1 pref 2 protocol ip bpf bytecode '1,6 0 0 0,' skip_sw da
ip -j link show eth3
tc qdisc show
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_accept
tc qdisc del dev eth1 ingress
tc filter del block 1 prio 3 handle 1 bpf
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter add dev eth2 egress pref 3 bpf obj $PROGS/tc_classid.o sec tc da classid 1:8
