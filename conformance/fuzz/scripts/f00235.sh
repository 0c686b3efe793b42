# offload fuzz seed 235
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link add vethA type veth peer name vethB
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth0 clsact
tc qdisc add dev vethA ingress_block 1 clsact
tc qdisc add dev vethB egress_block 2 clsact
tc qdisc add dev eth1 clsact
tc filter add block 2 prio 3 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_hw da
ethtool -K vethB hw-tc-offload on
ip link del vethA
tc -j filter show dev eth1 egress
tc qdisc replace dev eth0 ingress_block 5 clsact
echo N > /sys/kernel/debug/netdevsim/netdevsim2/bpf_bind_accept
ip link set dev eth1 xdpoffload obj $PROGS/xdp_pass.o sec xdp
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bound_progs/1/loaded
echo 1 > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_non_bound_accept
tc filter replace dev eth1 ingress pref 3 bpf obj $PROGS/tc_classid.o skip_hw classid 1:9
tc filter change dev eth1 ingress prio 3 handle 7 bpf bytecode '1,6 0 0 1,' skip_sw
ip link set eth0 up
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc chain show dev eth1 ingress
ip link del vethA
ip link set dev eth1 up
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
echo "3 1" > /sys/bus/netdevsim/new_device
ethtool -K eth2 hw-tc-offload on
tc qdisc replace dev eth2 ingress_block 5 ingress
tc qdisc del dev eth2 ingress
cat /sys/kernel/debug/netdevsim/netdevsim2/bpf_bound_progs/1/state
tc -p -j filter show dev eth0 egress
tc filter delete dev eth2 ingress prio 3 handle 0x20 bpf
