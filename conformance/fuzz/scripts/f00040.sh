# offload fuzz seed 40
echo "1 2" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ethtool -K eth1 hw-tc-offload on
ip link add vethA type veth peer name vethB
ip link set vethA up
tc qdisc add dev eth0 ingress_block 2 clsact
tc qdisc add dev vethA ingress_block 1 clsact
tc filter replace block 2 prio 10 handle 7 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
tc -d filter show dev vethB ingress
tc filter add block 2 chain 2 prio 5 bpf bytecode '1,6 0 0 1,' skip_sw action continue
tc filter replace block 1 pref 10 handle 7 bpf bytecode '1,6 0 0 1,' skip_sw
tc qdisc add dev eth0 ingress_block 7 egress_block 7 clsact
echo "2 2" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
ip link set eth3 up
ethtool -K eth3 hw-tc-offload on
tc filter add dev eth2 ingress prio 10 protocol ipv6 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw da
tc filter get dev vethB parent 1: protocol all pref 5 handle 2 bpf
tc filter show dev eth1 ingress
tc filter add block 2 pref 5 bpf obj $PROGS/tc_pass.o sec classifier skip_sw da
tc filter add block 1 pref 2 protocol ip bpf obj $PROGS/tc_classid.o skip_sw da action pipe
tc filter add block 2 prio 1 handle 1 protocol ip bpf obj $PROGS/tc_pass.o da
tc filter add block 2 prio 3 handle 7 protocol 802.1q bpf bytecode '1,6 0 0 0,'
tc filter add dev eth2 ingress pref 2 bpf obj $PROGS/tc_classid.o sec tc verbose skip_hw da
tc qdisc add dev eth1 ingress_block 1 clsact
tc filter add block 1 chain 2 pref 5 handle 0x20 bpf skip_sw obj $PROGS/tc_pass.o sec nosuch
ip -force link set dev eth3 xdpoffload obj $PROGS/xdp_pass.o sec xdp
ethtool -K vethB hw-tc-offload on
tc filter replace block 2 pref 2 handle 0x20 bpf obj $PROGS/tc_pass.o sec classifier skip_hw action drop
ethtool -K eth2 hw-tc-offload on
tc filter show dev vethB ingress
