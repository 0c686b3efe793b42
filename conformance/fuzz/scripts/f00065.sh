# offload fuzz seed 65
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc replace dev eth0 ingress_block 5 ingress
tc qdisc del dev eth0 ingress
tc filter add dev eth0 egress bpf bytecode '1,6 0 0 1,'
tc filter add dev eth0 parent ffff: pref 2 bpf obj $PROGS/tc_classid.o sec tc skip_sw da
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
ethtool -K eth0 hw-tc-offload off
echo 2 > /sys/bus/netdevsim/del_device
echo 1 > /sys/bus/netdevsim/del_device
tc -j filter show dev nosuch parent ffff:
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_xdpoffload_accept
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bound_progs/0/state
echo 0 > /sys/kernel/debug/netdevsim/netdevsim3/bpf_bind_verifier_accept
tc filter replace dev eth0 ingress pref 2 handle 7 bpf bytecode '1,6 0 0 2,' skip_sw
tc filter add dev eth0 ingress chain 2 pref 2 bpf da obj $PROGS/tc_classid.o
tc -s -j filter show dev eth0 parent ffff:
tc filter replace dev eth0 parent ffff: chain 0 pref 2 flower action drop
tc -d qdisc show dev eth0
tc qdisc add dev eth0 clsact
tc filter add dev eth0 ingress pref 5 bpf bytecode '1,6 0 0 2,' skip_sw da classid 1:7
tc -p -j filter show dev eth0 ingress
tc filter add dev eth0 parent ffff: pref 1 bpf obj $PROGS/tc_classid.o sec tc da skip_sw
tc filter add block 1 pref 2 flower
tc filter add dev eth0 ingress prio 1 handle 1 flower skip_sw action drop
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00065_0 type classifier dev eth0
tc filter get dev eth0 ingress protocol all pref 5 handle 1 bpf
tc filter add dev eth0 ingress prio 49152 bpf bytecode '1,6 0 0 0,' skip_sw
ethtool -k eth0
