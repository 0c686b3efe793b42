# offload fuzz seed 222
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
ip link add vethA type veth peer name vethB
ip link set vethA up
tc qdisc add dev eth0 ingress
tc qdisc replace dev vethB ingress_block 1 ingress
tc qdisc show dev eth0
tc qdisc del dev eth1 clsact
tc qdisc add dev eth1 clsact
tc filter show block 1
tc filter show block 5
tc -s filter show block 1
tc filter replace dev vethB ingress prio 1 handle 2 bpf obj $PROGS/tc_classid.o skip_sw da
tc filter show block 1
tc qdisc add dev vethB ingress_block 1 clsact
ip link show eth0
tc filter replace dev vethA ingress handle 1 bpf bytecode '1,6 0 0 1,' da action pass
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_accept
tc qdisc add dev vethB ingress_block 5 clsact
tc filter add block 1 pref 2 bpf bytecode '1,6 0 0 2,' skip_hw
tc filter delete dev vethB egress prio 5
tc filter show dev vethA parent ffff:
ethtool -K eth1 hw-tc-offload on
tc filter change block 1 handle 0x20 matchall action drop
tc filter add block 2 pref 3 bpf obj $PROGS/tc_classid.o sec tc skip_hw da
ethtool -K vethA hw-tc-offload on
tc filter add block 1 prio 5 handle 7 bpf obj $PROGS/xdp_pass.o sec xdp
tc qdisc show dev vethA
