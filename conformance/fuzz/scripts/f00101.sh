# offload fuzz seed 101
echo "1 1" > /sys/bus/netdevsim/new_device
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
ip link add vethA type veth peer name vethB
ip link set vethA up
tc qdisc add dev eth0 ingress_block 5 ingress
tc qdisc add dev vethA ingress_block 2 ingress
tc -j qdisc show dev vethB
tc filter replace block 5 prio 1 u32 match u32 0 0
tc qdisc add dev eth1 ingress_block 2 clsact
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
ip link set dev vethB xdpoffload off
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
echo x > /sys/kernel/debug/netdevsim/netdevsim3/ports/0/bpf_tc_non_bound_accept
tc filter del block 5 prio 1 handle 1 bpf
tc filter replace block 5 prio 1 handle 1 bpf bytecode '1,6 0 0 1,' skip_sw
ip link show vethB
tc filter replace dev eth0 ingress pref 1 handle 0x20 bpf bytecode '1,6 0 0 4294967295,' skip_sw
ethtool -K vethB hw-tc-offload on
tc -s -j filter show dev vethB egress
cat /sys/kernel/debug/netdevsim/netdevsim3/bpf_bound_progs/2/loaded
tc filter add block 5 prio 5 bpf bytecode '1,6 0 0 1,'
ip link set dev eth1 up
tc qdisc add dev eth0 clsact
tc filter add block 2 prio 49152 handle 0x20 bpf bytecode '1,6 0 0 2,' skip_sw
ip link set dev vethA up
tc filter replace block 5 pref 2 handle 1 bpf bytecode '1,6 0 0 4294967295,' skip_sw
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
