# offload fuzz seed 171
echo "1 1" > /sys/bus/netdevsim/new_device
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link add vethA type veth peer name vethB
tc qdisc replace dev eth0 ingress_block 2 clsact
tc qdisc replace dev eth1 ingress
tc qdisc add dev vethA clsact
tc qdisc replace dev vethB ingress_block 7 ingress
tc filter replace dev eth0 root prio 10 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw da
tc -j filter show dev eth0 ingress
ip link del vethA
tc filter add block 2 pref 1 handle 7 bpf bytecode '1,6 0 0 0,' skip_hw action continue
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc qdisc del dev eth0 ingress
tc filter add block 2 chain 2 pref 49152 u32 match u32 0 0
tc filter add dev nosuch egress prio 3 protocol ip bpf obj $PROGS/tc_pass.o sec classifier skip_sw da
tc filter add dev eth1 ingress chain 0 prio 5 handle 0x20 bpf bytecode '1,6 0 0 4294967295,' skip_hw
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
