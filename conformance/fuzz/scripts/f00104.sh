# offload fuzz seed 104
echo "1 2" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
echo "3 2" > /sys/bus/netdevsim/new_device
ip link set eth3 up
ethtool -K eth3 hw-tc-offload on
ip link set eth4 up
ethtool -K eth4 hw-tc-offload on
tc qdisc change dev eth0 ingress_block 1 ingress
tc qdisc change dev eth1 ingress_block 1 clsact
tc qdisc add dev eth3 ingress
tc filter add dev eth4 ingress prio 1 protocol 802.1q bpf obj $PROGS/tc_pass.o sec classifier skip_sw da
tc -j filter show dev eth3 parent ffff:
cat /sys/kernel/debug/netdevsim/netdevsim3/ports/1/bpf_offloaded_id
tc filter replace dev eth3 ingress pref 1 protocol ip u32 match u32 0 0
tc filter replace dev eth1 egress pref 1 bpf bytecode '1,6 0 0 2,' skip_sw
tc filter replace dev eth4 ingress prio 2 handle 0x20 bpf bytecode '1,6 0 0 4294967295,' skip_sw da
tc filter add dev eth4 ingress prio 3 handle 0x20 bpf bytecode '1,4 0 0 0,'
tc qdisc add dev eth1 ingress_block 2 ingress
ethtool -K eth0 hw-tc-offload on
echo Y > /sys/kernel/debug/netdevsim/netdevsim2/bpf_bind_verifier_accept
tc filter add dev eth0 ingress prio 5 handle 2 protocol ipv6 bpf obj $PROGS/tc_classid.o sec tc skip_sw skip_hw da
tc -p -j filter show dev eth3 egress
tc qdisc show
