# offload fuzz seed 93
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
ip link add vethA type veth peer name vethB
ip link set vethA up
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc qdisc add dev eth0 clsact
tc qdisc add dev vethA ingress
tc qdisc add dev vethB ingress_block 1 egress_block 3 clsact
tc qdisc add dev eth2 ingress_block 1 ingress
echo Y > /sys/kernel/debug/netdevsim/netdevsim3/bpf_bind_verifier_accept
tc qdisc add dev vethA ingress_block 1 ingress
tc filter show block 2
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
echo x > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter change dev vethA ingress pref 10 handle 0x20 bpf skip_sw obj $PROGS/xdp_pass.o sec xdp
tc filter add block 3 pref 49152 bpf skip_hw
tc filter del dev vethB parent ffff: chain 1 prio 49152
tc filter add block 1 prio 3 bpf bytecode '1,6 0 0' skip_sw skip_hw action gact pass index 3
tc filter replace dev vethB ingress pref 49152 bpf obj $PROGS/tc_pass.o skip_sw da classid 1:6
tc qdisc replace dev eth1 clsact ingress_block 2 egress_block 3
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_accept
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
echo "4 1" > /sys/bus/netdevsim/new_device
ip link set eth3 up
ethtool -K eth3 hw-tc-offload on
tc qdisc del dev eth2 ingress
echo N > /sys/kernel/debug/netdevsim/netdevsim2/bpf_bind_accept
