# offload fuzz seed 2029
echo "1 1" > /sys/bus/netdevsim/new_device
ethtool -K eth0 hw-tc-offload on
echo "2 2" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc qdisc add dev eth2 ingress_block 1 ingress
tc filter add block 9 chain 1 pref 10 bpf bytecode '1,6 0 0 0,' skip_sw da
ethtool -k eth0
tc qdisc replace dev eth2 ingress_block 7 clsact
tc filter replace block 1 pref 49152 bpf bytecode '2,177 0 0 0,6 0 0 0,' da
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_non_bound_accept
tc -j qdisc show dev eth1
tc filter add dev eth1 ingress pref 3 bpf bytecode '1,6 0 0 2,' skip_hw classid 1:4
tc qdisc add dev eth2 ingress
tc -s filter show dev eth0 ingress chain 1
ip link set dev eth0 down
tc qdisc replace dev eth1 ingress
tc -j filter show block 1 chain 1
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f02029_0 type classifier
tc filter add dev eth1 ingress priority 1 bpf bc '1,6 0 0 0,'
tc filter add dev eth1 ingress prio 1 bpf bytecode '1,6 0 0 4294967295,' da action gact reclassify
