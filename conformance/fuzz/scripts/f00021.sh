# offload fuzz seed 21
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link add vethA type veth peer name vethB
tc qdisc replace dev eth0 ingress
tc qdisc replace dev vethA ingress_block 7 clsact
tc qdisc add dev vethB egress_block 7 clsact
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter add dev eth0 ingress prio 1 bpf bytecode '1,6 0 0 1,' skip_hw
tc filter show block 7 chain 0
tc filter replace dev vethB egress pref 1 handle 2 protocol ip bpf bytecode '1,6 0 0 0,'
tc qdisc del dev vethA clsact
ethtool -K eth0 hw-tc-offload off
tc filter del block 7 chain 1 prio 1
tc filter replace dev vethB parent ffff:fff3 prio 10 handle 7 bpf bytecode '1,6 0 0 0,' skip_sw da
tc -d filter show dev eth0 ingress chain 0
tc filter add block 7 pref 2 protocol 802.1q bpf obj $PROGS/tc_pass.o sec classifier skip_sw da classid 1:1
tc qdisc add dev vethB clsact
echo x > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_accept
