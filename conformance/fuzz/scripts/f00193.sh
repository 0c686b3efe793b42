# offload fuzz seed 193
echo "1 2" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
tc qdisc replace dev eth1 ingress_block 5 ingress
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f00193_0 type classifier dev eth0
echo 2 > /sys/kernel/debug/netdevsim/netdevsim2/ports/1/bpf_tc_accept
bpftool prog show pinned /sys/fs/bpf/f00193_0
tc filter add dev eth0 ingress pref 49152 bpf bytecode '1,6 0 0 0,' skip_hw da
tc qdisc add dev eth0 ingress_block 1 ingress
tc filter add dev eth0 ingress prio 5 matchall action drop
tc qdisc add dev eth0 clsact
tc filter add dev eth0 ingress pref 2 handle 7 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_hw da
ethtool -K eth1 hw-tc-offload off
tc filter add dev eth2 ingress prio 10 bpf obj $PROGS/tc_classid.o sec tc da classid 1:5
tc filter add dev eth9 ingress prio 49152 handle 0x20 bpf bytecode '1,6 0 0 4294967295,'
tc -d filter show dev eth2 egress
tc filter replace block 1 prio 3 bpf bytecode '1,6 0 0 1,'
ethtool -K eth1 hw-tc-offload on
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
echo N > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_accept
tc filter add block 9 prio 49152 bpf obj $PROGS/tc_classid.o skip_hw
