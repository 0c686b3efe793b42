# offload fuzz seed 1046
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link add vethA type veth peer name vethB
tc qdisc replace dev vethA ingress_block 7 ingress
tc qdisc replace dev vethB ingress_block 1 ingress
tc qdisc add dev eth0 ingress_block 1 ingress
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter show block 7
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
tc -p -j filter show block 7
tc filter show dev vethB ingress prio 3
ip link set vethB up
tc qdisc add dev vethB ingress_block 5 egress_block 3 clsact
tc filter show dev nosuch ingress prio 3
ip -p -j link show vethB
ip -force link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
ip link set dev vethA xdpoffload off
tc filter replace block 1 pref 3 handle 0x20 bpf skip_hw bytecode '1,6 0 0 4294967295,'
