# offload fuzz seed 1043
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 2" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth3 up
ethtool -K eth3 hw-tc-offload on
ip link add vethA type veth peer name vethB
ip link set vethA up
tc qdisc replace dev eth0 ingress
tc qdisc add dev eth2 clsact
tc qdisc replace dev vethA ingress
tc qdisc change dev vethB ingress_block 1 ingress
tc qdisc del dev eth1 clsact
tc -s filter show dev eth2 ingress
tc filter replace dev eth3 root prio 5 bpf object-file $PROGS/tc_pass.o section classifier action goto chain 1 skip_hw
tc -j filter show dev eth1 ingress
echo "4 1" > /sys/bus/netdevsim/new_device
ip link set eth4 up
ethtool -K eth4 hw-tc-offload on
tc filter add dev eth1 root prio 3 handle 0x20 protocol 802.1q bpf bytecode '1,6 0 0 4294967295,'
tc chain show block 2
ethtool -K vethB hw-tc-offload off
tc filter add dev vethB ingress prio 1 handle 2 bpf obj $PROGS/tc_classid.o sec tc skip_sw da
tc filter replace dev eth2 ingress handle 0x20 bpf obj $PROGS/tc_pass.o sec nosuch
tc filter replace dev eth4 ingress pref 1 handle 1 bpf bytecode '1,6 0 0 1,' skip_sw da
tc filter replace dev eth3 ingress pref 3 handle 7 bpf bytecode '1,6 0 0'
tc filter delete dev eth4 ingress prio 1 handle 1 bpf
tc qdisc replace dev vethA ingress_block 2 ingress
tc qdisc show dev eth1 handle ffff:
ip link set vethB up
tc filter add dev vethA ingress prio 3 bpf obj $PROGS/tc_pass.o verbose da
