# offload fuzz seed 142
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
ip link add vethA type veth peer name vethB
ip link set vethA up
tc qdisc add dev eth1 clsact
tc qdisc add dev vethA clsact
ethtool -K eth0 hw-tc-offload on
echo N > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_accept
tc filter add dev vethA egress chain 2 pref 2 handle 7 bpf skip_sw da
tc qdisc change dev vethB clsact
tc filter add block 9 prio 5 u32 match u32 0 0
tc filter delete dev eth9 ingress prio 5
tc filter add dev vethA egress chain 0 pref 10 handle 0x20 protocol ipv6 bpf skip_sw
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bound_progs/1/loaded
tc filter add dev eth0 parent 1: prio 3 bpf da obj $PROGS/tc_classid.o sec tc skip_sw
tc filter show dev vethA ingress prio 10
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter add dev eth0 ingress pref 3 protocol all bpf bytecode '1,6 0 0 1,' skip_sw skip_sw classid 1:2
tc filter replace block 5 prio 5 handle 0x20 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw da
tc qdisc show dev eth0 ingress
ethtool -K eth1 hw-tc-offload on
tc filter del dev eth0 ingress prio 10 handle 0x20 bpf
tc -j qdisc show dev eth9
tc qdisc add dev eth1 ingress_block 7 ingress
tc filter get dev vethA ingress protocol all pref 49152 handle 0x20 bpf
