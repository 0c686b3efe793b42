# offload fuzz seed 36
echo "1 2" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ip link add vethA type veth peer name vethB
tc qdisc add dev eth1 clsact
tc filter add dev eth1 ingress prio 1 u32 match u32 0 0 action drop
tc filter show dev vethA ingress
ip link del vethA
tc filter replace dev eth0 ingress pref 1 bpf bytecode '1,6 0 0 1,' classid 1:3
tc -j filter show dev eth1 parent ffff:fff3 chain 0
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/1/bpf_tc_non_bound_accept
tc filter show dev eth0 ingress prio 1
tc filter del dev eth1 ingress prio 1 handle 1 bpf
tc qdisc change dev eth1 ingress_block 5 ingress
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/1/bpf_tc_accept
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc qdisc show dev eth0
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/ports/1/bpf_tc_non_bound_accept
echo Y > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_non_bound_accept
ethtool -K eth0 hw-tc-offload on
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_delay
echo 2 > /sys/kernel/debug/netdevsim/netdevsim1/ports/1/bpf_xdpoffload_accept
tc filter add dev eth0 ingress pref 1 handle 7 bpf obj $PROGS/tc_pass.o skip_hw da
tc filter del dev eth1 ingress prio 3 handle 0x20 bpf
tc qdisc show dev eth0
ip link set dev eth1 xdpoffload off
echo N > /sys/kernel/debug/netdevsim/netdevsim2/ports/1/bpf_tc_accept
tc filter add dev eth1 egress pref 49152 bpf bytecode '1,6 0 0 0,' da
