# offload fuzz seed 217
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc qdisc replace dev eth0 ingress
tc filter del dev eth1 parent ffff: prio 5
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00217_0 type classifier dev eth2
tc filter add dev eth1 egress pref 1 handle 0x20 bpf bytecode '1,6 0 0 2,' skip_sw
echo x > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_xdpoffload_accept
tc filter add block 9 pref 49152 bpf bytecode '1,6 0 0 4294967295,' skip_sw
tc qdisc replace dev eth1 ingress_block 1 egress_block 7 clsact
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc qdisc del dev eth2 ingress
tc qdisc show dev eth2 ingress
tc filter add dev eth0 ingress handle 1 bpf bytecode '1,21 0 5 0,' skip_sw
tc -d filter show block 1
tc filter add dev eth0 ingress prio 10 handle 1 bpf bytecode '1,6 0 0 2,' skip_sw da
tc filter add block 1 prio 1 matchall skip_sw action drop
tc filter add dev eth1 ingress pref 10 handle 2 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
tc filter delete block 1 prio 2 handle 0x20 bpf
tc filter show dev eth2 parent ffff: prio 10
tc qdisc add dev eth1 ingress_block 1 clsact
tc filter replace block 7 pref 49152 handle 7 bpf obj $PROGS/tc_pass.o sec classifier skip_sw
tc qdisc add dev eth1 clsact
tc filter add block 7 pref 10 bpf bytecode '1,6 0 0 2,' da classid 1:1
