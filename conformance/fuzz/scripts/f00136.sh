# offload fuzz seed 136
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
ip link add vethA type veth peer name vethB
tc qdisc replace dev eth0 ingress_block 5 clsact
tc qdisc add dev vethA egress_block 7 clsact
tc filter del block 5 prio 49152
tc filter add dev eth1 ingress bpf obj $PROGS/tc_classid.o sec tc skip_sw da
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
tc filter add dev vethB ingress prio 49152 bpf bytecode '1,21 0 5 0,'
tc -s -d filter show block 7
echo 1 > /sys/bus/netdevsim/del_device
tc -s -d filter show dev vethB ingress
echo 0 > /sys/kernel/debug/netdevsim/netdevsim2/bpf_bind_verifier_accept
cat /sys/kernel/debug/netdevsim/netdevsim2/bpf_bind_accept
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter replace dev vethB ingress handle 7 protocol ip bpf obj $PROGS/tc_pass.o sec nosuch skip_hw classid 1:7
tc chain show dev eth1 egress
tc qdisc show dev eth1
tc filter replace dev eth1 ingress pref 49152 handle 1 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
echo 2 > /sys/bus/netdevsim/del_device
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter add block 7 prio 49152 protocol ip bpf bytecode '1,6 0 0 0,' skip_sw da
tc qdisc show dev vethB
tc qdisc del dev vethB clsact
tc filter add dev vethA ingress prio 10 handle 0x20 bpf bytecode '1,6 0 0 4294967295,' skip_sw
ethtool -K vethA hw-tc-offload on
tc qdisc del dev vethB ingress
ip -j link show vethB
tc filter replace block 7 prio 49152 bpf obj $PROGS/tc_classid.o sec tc skip_sw da action gact pass index 3
tc filter replace dev vethA ingress pref 49152 handle 2 bpf skip_sw skip_hw da bytecode '1,6 0 0 0,'
tc filter add dev vethB ingress chain 0 prio 10 protocol ip bpf bytecode '1,6 0 0 1,' classid 1:5
