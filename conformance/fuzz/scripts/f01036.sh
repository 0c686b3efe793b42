# offload fuzz seed 1036
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link add vethA type veth peer name vethB
ip link set vethA up
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth0 clsact
tc qdisc add dev vethB ingress
tc qdisc replace dev eth1 ingress_block 5 ingress
tc filter show dev eth1 ingress protocol all prio 1
tc filter add block 5 pref 1 bpf obj $PROGS/tc_pass.o sec classifier skip_sw da
tc filter del dev eth1 ingress prio 1 handle 2 bpf
tc filter replace dev vethB ingress prio 10 handle 0x20 bpf obj $PROGS/tc_classid.o sec tc skip_sw da
tc filter add dev nosuch ingress pref 5 bpf obj $PROGS/tc_classid.o da
tc -s -d filter show dev vethB ingress
ip link show vethB
tc filter add dev eth1 ingress prio 49152 protocol arp bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_hw
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter replace block 5 pref 10 protocol 802.1q bpf da bytecode '1,6 0 0 0,6 0 0 0,'
tc -j filter show block 5
tc qdisc del dev eth0 clsact
tc filter del block 5
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
cat /sys/kernel/debug/netdevsim/netdevsim3/ports/0/bpf_offloaded_id
