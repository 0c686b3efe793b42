# offload fuzz seed 95
echo "1 1" > /sys/bus/netdevsim/new_device
ethtool -K eth0 hw-tc-offload on
echo "2 2" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
ip link add vethA type veth peer name vethB
ip link set vethA up
tc qdisc add dev eth0 ingress_block 7 ingress
tc qdisc change dev eth1 clsact
tc qdisc add dev eth2 ingress_block 1 egress_block 7 clsact
tc qdisc replace dev vethA ingress
tc qdisc replace dev eth0 ingress_block 7 clsact
echo 1 > /sys/kernel/debug/netdevsim/netdevsim2/ports/1/bpf_tc_non_bound_accept
tc filter show dev eth2 root
tc filter add dev eth0 egress pref 3 protocol 802.1q bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
ip link set vethA down
echo x > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_accept
ethtool -K eth1 hw-tc-offload on
tc -j filter show block 7
tc filter add dev eth1 ingress prio 5 bpf skip_sw bytecode '1,6 0 0 2,' classid 1:6
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth3 up
ethtool -K eth3 hw-tc-offload on
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00095_0 type classifier
bpftool prog show pinned /sys/fs/bpf/f00095_0
ethtool -K eth0 hw-tc-offload on
