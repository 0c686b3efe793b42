# offload fuzz seed 12
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link add vethA type veth peer name vethB
ip link set vethA up
tc qdisc add dev vethA ingress_block 7 clsact
tc qdisc add dev vethB ingress_block 7 clsact
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter add block 7 prio 10 bpf obj $PROGS/tc_classid.o skip_sw da classid 1:4
tc -d filter show dev eth0 ingress
tc -j filter show block 7 chain 0
tc qdisc add dev eth0 ingress_block 7 ingress
tc filter add dev vethA egress prio 5 bpf obj $PROGS/tc_pass.o sec classifier skip_hw
tc filter add block 7 chain 1 pref 49152 handle 7 bpf obj $PROGS/tc_classid.o skip_sw da
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
ethtool -K vethA hw-tc-offload on
tc qdisc del dev vethA clsact
ip link set dev eth0 down
