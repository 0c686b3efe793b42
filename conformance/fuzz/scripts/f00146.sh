# offload fuzz seed 146
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 7 egress_block 3 clsact
ip link set dev eth0 up
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bound_progs/0/loaded
tc filter show block 7
tc qdisc show dev eth0 ingress
tc filter add dev eth0 parent ffff: pref 10 protocol ipv6 bpf obj $PROGS/tc_classid.o skip_sw
tc filter replace block 7 prio 10 handle 7 bpf bytecode '1,6 0 0 4294967295,' skip_sw da classid 1:1
echo "2 2" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth3 up
ethtool -K eth3 hw-tc-offload on
tc qdisc show dev eth3
tc qdisc add dev eth3 ingress_block 7 ingress
tc qdisc add dev eth3 ingress ingress_block 5
tc -s filter show dev eth0 egress
