# offload fuzz seed 1001
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
echo "2 1" > /sys/bus/netdevsim/new_device
ethtool -K eth1 hw-tc-offload on
tc qdisc replace dev eth0 ingress
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bound_progs/2/loaded
tc filter show dev eth0 egress chain 1
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f01001_0 type classifier dev eth0
tc filter add dev eth1 parent ffff:fff3 prio 49152 bpf bytecode '1,6 0 0 0,' skip_hw
bpftool -j prog show pinned /sys/fs/bpf/f01001_0
tc qdisc add dev eth1 ingress_block 7 ingress
tc filter del block 7 prio 1 handle 2 bpf
tc qdisc add dev eth1 ingress_block 7 clsact
tc filter replace block 7 chain 0 pref 1 handle 1 matchall skip_sw action drop
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc qdisc replace dev eth0 ingress_block 1 egress_block 2 clsact
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter replace block 7 prio 2 bpf bc '1,6 0 0 0,' action trap skip_sw
tc filter add dev eth0 parent ffff: pref 49152 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
tc filter add block 9 handle 1 bpf bytecode '1,6 0 0 4294967295,' skip_sw da classid 1:5
tc filter add block 7 pref 49152 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw da
tc filter add block 7 prio 10 bpf bytecode '1,6 0 0 0,' skip_hw
echo N > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_non_bound_accept
ip link set eth0 down
tc filter add dev eth0 egress prio 1 bpf fd /sys/fs/bpf/f01001_0 skip_sw da
tc filter get dev eth1 egress protocol all pref 2 handle 2 bpf
tc filter add block 7 prio 1 bpf fd /sys/fs/bpf/f01001_0 da
tc filter del block 9 prio 49152 handle 2 bpf
tc qdisc del dev eth0 ingress
tc filter add dev eth1 ingress preference 5 bpf obj $PROGS/tc_classid.o sec tc action trap skip_sw
