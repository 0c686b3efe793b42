# offload fuzz seed 4
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link add vethA type veth peer name vethB
ip link set vethA up
tc qdisc add dev vethB ingress_block 2 ingress
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter replace block 9 pref 10 handle 2 bpf bytecode '1,6 0 0 1,' skip_sw da classid 1:8
tc filter show dev vethA egress
tc qdisc del dev vethB clsact
tc filter add block 2 handle 1 protocol all bpf obj /nonexistent.o
ethtool -k vethB
ip link set vethA down
tc filter show block 2
ip link set dev eth0 up
