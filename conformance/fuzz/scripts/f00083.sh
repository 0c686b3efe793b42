# offload fuzz seed 83
echo "1 2" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
ip link add vethA type veth peer name vethB
ip link set vethA up
tc qdisc add dev eth0 ingress_block 2 clsact
tc qdisc add dev eth1 ingress_block 2 clsact
tc qdisc add dev vethA ingress
tc qdisc replace dev vethB ingress_block 2 ingress
tc qdisc show dev vethB
tc -s filter show block 2
tc filter add dev eth1 egress pref 5 bpf bytecode '1,6 0 0 4294967295,' skip_sw
tc -d filter show block 2
tc filter show dev eth0 egress
tc filter replace dev eth0 ingress prio 10 handle 0x20 bpf bytecode '1,6 0 0 4294967295,' skip_hw
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_accept
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/1/bpf_tc_non_bound_accept
tc filter replace dev eth1 ingress prio 3 handle 2 bpf bytecode '1,6 0 0 1,' skip_sw da
tc filter add block 2 pref 1 handle 2 protocol ipv6 bpf obj $PROGS/tc_classid.o skip_sw da
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
