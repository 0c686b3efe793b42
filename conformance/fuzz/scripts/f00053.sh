# offload fuzz seed 53
echo "1 2" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ethtool -K eth1 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ip link add vethA type veth peer name vethB
ip link set vethA up
tc qdisc add dev eth1 ingress_block 2 ingress
tc qdisc add dev eth2 ingress
tc qdisc add dev vethA egress_block 2 clsact
ip link set dev vethB up
tc filter add dev vethA ingress chain 1 prio 2 bpf bytecode '1,6 0 0 1,' skip_sw
tc filter show block 2
tc filter del dev vethA ingress prio 2 handle 2 bpf
tc filter show dev vethB egress
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
tc filter add dev eth0 ingress pref 10 protocol 802.1q bpf skip_sw action drop da bytecode '1,6 0 0 2,' classid 1:6
tc qdisc replace dev vethB ingress_block 7 clsact
tc filter show dev vethB ingress
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/1/bpf_offloaded_id
tc filter del block 7 prio 5 handle 1 bpf
tc filter del dev vethA ingress prio 2 handle 0x20 bpf
tc filter replace block 2 pref 10 handle 1 bpf skip_sw
echo 1 > /sys/kernel/debug/netdevsim/netdevsim2/bpf_bind_verifier_accept
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
ip link del vethA
tc -s qdisc show dev eth1 clsact
