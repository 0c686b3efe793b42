# offload fuzz seed 207
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link add vethA type veth peer name vethB
tc qdisc add dev eth0 ingress_block 5 ingress
tc qdisc add dev vethA ingress_block 1 ingress
tc qdisc add dev vethB ingress
tc chain show dev eth0 ingress
tc filter show dev vethB ingress
tc qdisc add dev vethB ingress
ip link show eth0
tc filter add block 1 bpf obj $PROGS/tc_pass.o sec classifier skip_sw da
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_delay
tc -s filter show block 5
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
ethtool -K vethB hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc filter add block 5 prio 3 bpf bytecode '2,177 0 0 0,6 0 0 0,' classid 1:5
tc -p -j filter show block 5 prio 3
tc filter add block 1 chain 0 prio 10 handle 1 bpf bytecode '1,6 0 0 0,' skip_sw
ip link set eth0 down
tc filter show block 5
tc filter replace dev vethA ingress pref 3 handle 7 bpf skip_sw bytecode '1,6 0 0 2,'
tc filter delete block 1
tc filter show block 5
tc qdisc add dev eth0 ingress
