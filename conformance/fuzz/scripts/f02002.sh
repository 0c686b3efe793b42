# offload fuzz seed 2002
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 2" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc qdisc replace dev eth0 ingress_block 2 ingress
tc qdisc add dev eth2 ingress
tc -d qdisc show dev eth2
tc -s filter show dev eth0 ingress
tc filter replace dev nosuch ingress pref 3 handle 7 protocol arp bpf obj $PROGS/tc_pass.o sec classifier verbose da action continue
tc filter replace block 2 pref 49152 bpf obj $PROGS/tc_classid.o sec tc action gact reclassify index 5 skip_hw
tc filter show dev eth2 parent 1:
tc filter replace block 2 pref 49152 handle 1 protocol ip bpf bytecode '1,6 0 0 0,' skip_sw
tc filter get block 2 protocol all pref 5 handle 1 bpf
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth3 up
ethtool -K eth3 hw-tc-offload on
ethtool -K eth0 hw-tc-offload off
tc filter replace block 2 chain 1 prio 5 handle 1 protocol all bpf
tc filter replace dev nosuch ingress handle 2 protocol all bpf obj $PROGS/tc_pass.o sec classifier skip_sw action ok
tc qdisc add dev eth1 egress_block 2 clsact
tc filter add block 2 prio 3 bpf obj $PROGS/tc_classid.o skip_sw skip_hw da
tc filter add block 2 handle 7 bpf obj $PROGS/tc_classid.o sec tc skip_sw da
tc filter replace dev eth2 ingress pref 49152 handle 7 protocol all bpf bytecode '1,6 0 0 0,' skip_hw
tc filter change dev eth2 ingress prio 10 protocol arp bpf bytecode '1,6 0 0 1,' skip_sw da
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f02002_0 type classifier dev eth3
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/1/bpf_offloaded_id
tc filter add block 2 priority 49152 bpf bytecode '1,6 0 0 0,' action jump 1 action drop
tc filter get block 2 protocol all pref 3 handle 2 bpf
tc qdisc replace dev eth0 ingress_block 7 clsact
tc filter del block 2 prio 10 handle 1 bpf
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f02002_1 type classifier dev eth3
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
tc filter replace dev eth3 egress prio 2 bpf object-file $PROGS/tc_pass.o section classifier action trap skip_sw
