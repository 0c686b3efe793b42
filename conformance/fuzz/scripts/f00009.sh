# offload fuzz seed 9
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ip link add vethA type veth peer name vethB
ip link set vethA up
tc qdisc add dev eth0 ingress
tc qdisc add dev vethA ingress_block 1 ingress
tc qdisc replace dev vethB ingress_block 7 ingress
ip link show vethA
ethtool -K vethA hw-tc-offload on
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
ethtool -k eth0
tc chain show dev vethA egress
tc filter add dev eth0 ingress pref 49152 bpf obj $PROGS/tc_classid.o sec tc skip_sw da
ethtool -K eth0 hw-tc-offload off
ip link set dev eth9 xdpoffload off
tc filter replace block 7 prio 49152 bpf bytecode '1,6 0 0 1,' skip_sw
tc filter delete dev eth0 parent ffff: prio 49152 handle 1 bpf
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter add block 1 chain 1 pref 10 protocol ipv6 bpf bytecode '1,21 0 5 0,' skip_sw
tc filter add dev eth0 ingress prio 10 bpf obj $PROGS/tc_pass.o sec nosuch
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
ethtool -K eth0 hw-tc-offload off
tc filter add dev vethB ingress chain 0 prio 1 handle 0x20 bpf bytecode '1,6 0 0 0,' skip_sw classid 1:8
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
