# offload fuzz seed 1039
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 2" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
ip link add vethA type veth peer name vethB
ip link set vethA up
tc qdisc replace dev eth0 ingress
tc qdisc add dev vethA ingress
tc qdisc add dev vethB ingress
tc qdisc add dev vethB ingress_block 5 egress_block 7 clsact
tc filter add dev eth1 parent ffff: prio 5 handle 2 bpf bytecode '1,6 0 0 4294967295,' skip_hw
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/1/bpf_offloaded_id
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_accept
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/1/bpf_offloaded_id
tc qdisc del dev eth1 clsact
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter replace dev eth0 egress priority 49152 bpf obj $PROGS/tc_classid.o sec tc action gact reclassify index 5 skip_sw
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/1/bpf_offloaded_id
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f01039_0 type classifier dev eth2
tc filter add dev eth0 egress pref 49152 handle 0x20 protocol ipv6 bpf bytecode '2,177 0 0 0,6 0 0 0,'
echo 0 > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_xdpoffload_accept
tc filter add dev eth0 parent 1: prio 3 bpf bc '1,6 0 0 0,' skip_hw
