# offload fuzz seed 239
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link add vethA type veth peer name vethB
ip link set vethA up
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
tc qdisc add dev eth0 ingress_block 5 ingress
tc qdisc replace dev vethA clsact
tc qdisc add dev vethB ingress_block 5 ingress
tc qdisc add dev eth1 ingress
echo 0 > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_accept
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
tc -s filter show block 5
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter add block 5 pref 5 handle 1 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw classid 1:9
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc filter add block 5 pref 10 protocol ip bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
echo "4 1" > /sys/bus/netdevsim/new_device
ip link set eth3 up
ethtool -K eth3 hw-tc-offload on
tc filter add block 5 chain 2 prio 49152 protocol ipv6 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw skip_sw classid 1:6
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00239_0 type classifier
echo "5 1" > /sys/bus/netdevsim/new_device
ip link set eth4 up
ethtool -K eth4 hw-tc-offload on
tc filter replace block 5 prio 10 u32 match u32 0 0
tc -j filter show dev vethB ingress chain 0
tc filter add dev eth2 egress handle 1 flower
ip -force link set dev eth4 xdpoffload obj $PROGS/xdp_pass.o sec xdp
echo N > /sys/kernel/debug/netdevsim/netdevsim3/ports/0/bpf_xdpoffload_accept
tc filter add block 5 chain 0 prio 10 matchall skip_sw action drop
tc qdisc add dev eth1 ingress_block 7 clsact
tc qdisc del dev eth1 ingress
tc filter replace block 5 pref 5 handle 7 protocol all bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
tc qdisc add dev eth1 ingress_block 7 ingress
echo "6 1" > /sys/bus/netdevsim/new_device
tc qdisc del dev vethA clsact
tc filter replace dev eth9 ingress bpf obj $PROGS/tc_pass.o sec classifier skip_sw da
tc qdisc add dev vethA ingress_block 2 ingress
tc filter del block 5 prio 10
cat /sys/kernel/debug/netdevsim/netdevsim5/bpf_bound_progs/2/state
tc -j qdisc show
echo 0 > /sys/kernel/debug/netdevsim/netdevsim2/bpf_bind_verifier_accept
