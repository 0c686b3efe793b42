# offload fuzz seed 1034
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ip link add vethA type veth peer name vethB
ip link set vethA up
tc qdisc add dev eth0 ingress
tc qdisc change dev eth1 clsact
tc qdisc replace dev vethA ingress_block 2 ingress
tc qdisc add dev vethB ingress_block 7 clsact
tc -j filter get dev eth0 ingress protocol all pref 49152 handle 1 bpf
tc filter add dev eth1 egress prio 10 protocol all bpf obj $PROGS/tc_classid.o skip_hw da
ethtool -K eth0 hw-tc-offload off
tc qdisc del dev eth1 clsact
tc -s filter show dev eth1 ingress
tc -j filter get dev eth1 ingress protocol all pref 49152 handle 1 bpf
tc filter show dev eth1 ingress
tc qdisc show
tc -p -j filter show block 2 prio 49152
tc filter add dev vethB ingress chain 1 pref 49152 bpf obj $PROGS/tc_pass.o da
ip link set dev eth1 xdpoffload obj $PROGS/xdp_pass.o sec xdp
echo "3 2" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
ip link set eth3 up
ethtool -K eth3 hw-tc-offload on
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter add dev eth3 ingress pref 5 protocol ipv6 bpf bytecode '1,6 0 0 0,' skip_sw action drop
tc filter replace dev vethB ingress pref 10 bpf bytecode '1,6 0 0 0,' action gact reclassify index 5
tc filter del dev eth1 egress chain 1
cat /sys/kernel/debug/netdevsim/netdevsim3/ports/0/bpf_map_accept
ip -force link set dev vethB xdpoffload obj $PROGS/xdp_pass.o sec nosuch
echo 3 > /sys/bus/netdevsim/del_device
tc qdisc del dev vethB clsact
tc qdisc del dev eth0 ingress
tc filter del block 7 prio 5
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f01034_0 type classifier
