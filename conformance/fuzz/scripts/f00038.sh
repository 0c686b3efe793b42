# offload fuzz seed 38
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
ip link add vethA type veth peer name vethB
ip link set vethA up
tc qdisc add dev eth0 ingress_block 2 clsact
tc qdisc add dev eth1 ingress_block 1 ingress
tc qdisc add dev vethA ingress_block 7 egress_block 2 clsact
tc filter del block 7 prio 2
tc filter del block 1
echo N > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_accept
tc qdisc replace dev vethB ingress_block 5 ingress
tc filter replace dev vethB egress pref 2 handle 1 matchall skip_sw action drop
tc qdisc del dev vethA clsact
echo 2 > /sys/bus/netdevsim/del_device
tc filter add block 5 handle 2 bpf obj /nonexistent.o skip_sw da
tc filter replace dev eth0 ingress prio 2 handle 7 bpf bytecode '1,6 0 0 4294967295,' skip_sw
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f00038_0 type classifier dev eth0
tc -s -d filter show block 5
ethtool -K vethB hw-tc-offload off
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
echo 1 > /sys/bus/netdevsim/del_device
echo Y > /sys/kernel/debug/netdevsim/netdevsim2/bpf_bind_verifier_accept
tc -s qdisc show dev vethA ingress
tc filter show block 5 chain 2
tc -s filter show dev vethB ingress
tc qdisc del dev eth1 ingress
echo 200 > /sys/kernel/debug/netdevsim/netdevsim3/bpf_bind_verifier_delay
tc -s filter show block 5
tc -d filter show dev vethA parent 1:
tc filter add dev vethB ingress chain 1 pref 2 handle 1 bpf bytecode '1,6 0 0 2,' skip_sw
tc qdisc add dev vethA ingress_block 1 ingress
tc filter show block 5
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00038_1 type classifier dev eth1
