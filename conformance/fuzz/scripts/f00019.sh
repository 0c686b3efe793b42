# offload fuzz seed 19
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ethtool -K eth1 hw-tc-offload on
ip link add vethA type veth peer name vethB
ip link set vethA up
tc qdisc replace dev eth0 egress_block 7 clsact
tc qdisc add dev eth1 ingress
tc qdisc add dev vethA clsact
tc qdisc replace dev vethB ingress_block 1 clsact
tc filter add dev eth9 root pref 3 bpf bytecode '1,6 0 0 0,' skip_sw classid 1:5
tc filter del dev eth0 ingress prio 3
tc filter add block 1 pref 1 handle 7 bpf bytecode '1,6 0 0 1,' skip_sw
tc qdisc del dev vethA clsact
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter add block 7 pref 49152 bpf obj $PROGS/tc_classid.o skip_hw da classid 1:2
tc filter show block 7
tc -s qdisc show dev vethB
tc filter show block 7 chain 0
tc qdisc replace dev eth0 ingress_block 2 clsact
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
tc filter show block 1
tc filter replace block 2 prio 1 handle 2 bpf skip_sw bytecode '1,6 0 0 2,'
tc qdisc replace dev eth0 ingress_block 2 ingress
