# offload fuzz seed 26
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
ip link add vethA type veth peer name vethB
tc qdisc change dev eth0 ingress
tc qdisc add dev vethA ingress_block 7 ingress
tc filter add dev eth0 egress pref 3 bpf bytecode '1,6 0 0 2,' skip_sw
tc filter add dev eth0 ingress handle 0x20 protocol all matchall action drop
tc filter add block 7 pref 3 bpf obj /nonexistent.o
tc filter add block 7 chain 0 prio 49152 handle 7 protocol 802.1q bpf bytecode '1,6 0 0 0,' skip_sw
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
tc filter add block 7 pref 5 bpf bytecode '1,6 0 0' classid 1:3
tc filter del block 7
tc filter add block 7 chain 2 protocol ip matchall action drop
tc -j filter get dev eth1 ingress protocol all pref 49152 handle 1 bpf
tc -s filter show dev vethA ingress
