# offload fuzz seed 220
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
ip link add vethA type veth peer name vethB
tc qdisc add dev eth0 ingress_block 1 clsact
tc qdisc add dev eth1 ingress_block 1 clsact
tc qdisc add dev vethA clsact
tc qdisc replace dev vethB ingress_block 5 ingress
tc filter show block 1
tc qdisc add dev vethB clsact
ethtool -K eth1 hw-tc-offload on
ip link set dev eth1 down
tc qdisc replace dev vethA ingress_block 5 ingress
echo "3 2" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ip link set eth3 up
ethtool -K eth3 hw-tc-offload on
echo Y > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_non_bound_accept
tc filter add dev eth0 ingress pref 3 matchall action drop
tc qdisc del dev vethB ingress
tc filter add dev eth1 ingress chain 1 prio 2 handle 0x20 bpf bytecode '1,6 0 0 1,' skip_sw action pipe
tc filter show block 1 chain 1
ip link set dev nosuch xdpoffload obj $PROGS/xdp_pass.o sec xdp
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
tc -j filter show dev eth0 ingress
tc filter replace block 1 handle 7 bpf bytecode '1,6 0 0 1,' skip_sw action gact reclassify
tc -d filter show block 1
tc filter add block 1 pref 3 handle 7 bpf bytecode '1,6 0 0 1,' skip_sw
tc filter replace dev eth1 parent ffff:fff3 prio 49152 bpf obj $PROGS/tc_classid.o skip_sw da classid 1:3
tc filter add dev vethA ingress pref 5 bpf bytecode '1,6 0 0 2,' skip_hw
tc filter replace dev eth3 egress prio 49152 handle 0x20 bpf bytecode '1,6 0 0 0,'
echo N > /sys/kernel/debug/netdevsim/netdevsim3/ports/0/bpf_tc_accept
echo 3 > /sys/bus/netdevsim/del_device
tc filter add dev eth0 ingress chain 2 prio 3 bpf bytecode '1,6 0 0 2,' skip_sw
tc qdisc replace dev vethA ingress_block 5 clsact
tc filter add block 1 prio 2 bpf obj $PROGS/tc_pass.o classid 1:7 action ok
tc filter delete dev vethB egress prio 49152 handle 0x20 bpf
