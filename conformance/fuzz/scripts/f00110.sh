# offload fuzz seed 110
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
ip link add vethA type veth peer name vethB
ip link set vethA up
tc qdisc add dev eth0 ingress_block 7 clsact
tc qdisc add dev eth1 clsact
tc qdisc add dev vethA ingress_block 7 ingress
tc qdisc add dev vethB ingress_block 5 ingress
tc qdisc del dev eth1 clsact
tc qdisc add dev vethA ingress_block 1 clsact
tc filter add block 5 prio 10 handle 1 protocol ip bpf obj $PROGS/tc_pass.o sec classifier skip_sw da action ok
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter delete block 5 prio 10 handle 2 bpf
ethtool -K vethA hw-tc-offload on
ip link show vethB
tc filter replace block 5 prio 10 handle 0x20 bpf bytecode '1,6 0 0 4294967295,' skip_sw
tc filter add block 5 chain 1 handle 2 bpf obj $PROGS/tc_classid.o sec tc skip_sw
tc filter add block 7 pref 10 bpf bytecode '1,6 0 0 4294967295,' skip_sw
