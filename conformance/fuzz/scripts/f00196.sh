# offload fuzz seed 196
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth1 ingress_block 5 clsact
tc filter add dev eth1 egress pref 5 bpf bytecode '2,177 0 0 0,6 0 0 0,'
tc qdisc del dev eth0 clsact
tc -s -d filter show dev eth0 ingress
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
echo 2 > /sys/kernel/debug/netdevsim/netdevsim2/bpf_bind_verifier_accept
tc qdisc add dev eth1 ingress_block 2 egress_block 3 clsact
tc filter add dev eth1 ingress protocol all bpf obj $PROGS/tc_pass.o sec nosuch skip_hw
tc filter add dev eth1 egress pref 3 bpf skip_sw skip_hw da bytecode '2,177 0 0 0,6 0 0 0,'
tc filter add dev eth0 ingress chain 2 prio 49152 bpf bytecode '1,6 0 0 0,' skip_sw
tc filter change dev eth0 ingress prio 49152 bpf obj $PROGS/tc_classid.o sec tc da
echo 0 > /sys/kernel/debug/netdevsim/netdevsim2/bpf_bind_accept
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00196_0 type classifier
ethtool -K eth1 hw-tc-offload on
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
cat /sys/kernel/debug/netdevsim/netdevsim3/ports/0/bpf_offloaded_id
tc qdisc replace dev eth2 egress_block 7 clsact
tc filter replace block 5 pref 1 handle 2 protocol arp bpf obj $PROGS/tc_pass.o sec classifier skip_sw da
tc qdisc add dev eth1 clsact
tc filter add block 5 pref 2 protocol ip bpf bytecode '1,6 0 0 2,'
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc -d filter show block 9
echo 1 > /sys/bus/netdevsim/del_device
tc -s -d filter show dev eth2 ingress
tc filter add block 7 chain 2 prio 3 handle 7 protocol ip bpf obj $PROGS/tc_pass.o sec classifier skip_sw da
