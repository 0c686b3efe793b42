# offload fuzz seed 1038
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress
tc -s -d filter show dev eth0 ingress
tc -j filter get dev eth0 ingress protocol all pref 1 handle 1 bpf
tc filter replace dev eth0 egress prio 3 bpf object-file $PROGS/tc_pass.o section classifier
tc qdisc change dev eth0 ingress_block 2 ingress
tc filter get dev eth0 ingress protocol all pref 3 handle 1 bpf
ip -p -j link show eth0
tc filter add dev eth0 ingress pref 3 bpf obj $PROGS/tc_classid.o sec tc skip_sw da
tc filter add dev eth0 ingress chain 0 pref 10 handle 0x20 protocol all bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_hw da action gact reclassify
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc -d filter show dev eth0 ingress
tc -s filter show dev eth0 ingress
tc qdisc add dev eth0 ingress_block 5 ingress
