# offload fuzz seed 2025
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ethtool -K eth1 hw-tc-offload on
ip link add vethA type veth peer name vethB
ip link set vethA up
echo "3 1" > /sys/bus/netdevsim/new_device
ethtool -K eth2 hw-tc-offload on
tc qdisc add dev eth0 ingress
tc qdisc change dev eth1 clsact
tc qdisc add dev vethB ingress_block 2 ingress
tc qdisc replace dev eth2 ingress
tc qdisc replace dev eth2 ingress
echo 0 > /sys/kernel/debug/netdevsim/netdevsim3/bpf_bind_verifier_accept
tc filter del block 2 prio 3
tc filter add dev eth2 ingress pref 3 bpf bytecode '1,21 0 5 0,' da classid 1:8
tc qdisc add dev eth0 ingress_block 2 ingress
tc filter delete dev vethA ingress prio 2 handle 0x20 bpf
echo 0 > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_accept
tc -d filter show dev vethB parent ffff:fff3
tc chain show block 2
ethtool -K eth1 hw-tc-offload on
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
tc filter replace block 2 prio 10 handle 0x20 bpf bytecode '1,6 0 0 0,'
tc filter replace block 2 pref 10 bpf bytecode '1,6 0 0 2,' skip_sw
tc filter replace dev vethA root prio 2 bpf obj $PROGS/tc_classid.o sec tc action trap
tc qdisc add dev vethA ingress ingress_block 7
tc filter delete block 2 prio 3 handle 0x20 bpf
cat /sys/kernel/debug/netdevsim/netdevsim2/bpf_bind_verifier_delay
tc filter add dev vethB ingress prio 5 bpf bytecode '1,6 0 0 2,' skip_sw
tc filter replace dev vethA ingress chain 1 prio 2 handle 1 protocol all bpf obj $PROGS/tc_classid.o sec tc skip_sw
echo Y > /sys/kernel/debug/netdevsim/netdevsim3/bpf_bind_verifier_accept
