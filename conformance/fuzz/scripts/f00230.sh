# offload fuzz seed 230
echo "1 1" > /sys/bus/netdevsim/new_device
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_xdpoffload_accept
tc filter add dev eth1 ingress chain 0 pref 10 bpf bytecode '1,6 0 0 0,'
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc -j filter show dev eth0 egress chain 2
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec nosuch
tc qdisc add dev eth2 ingress_block 5 ingress
tc filter del block 5 prio 2 handle 0x20 bpf
tc filter replace dev eth2 egress pref 2 handle 0x20 bpf bytecode '1,6 0 0 1,' skip_sw
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter add block 5 chain 2 prio 1 bpf obj $PROGS/tc_pass.o skip_sw da classid 1:7
tc filter delete dev eth0 ingress prio 2
ethtool -K eth1 hw-tc-offload off
tc qdisc show dev eth0 clsact
echo 2 > /sys/bus/netdevsim/del_device
ip link set eth2 up
tc qdisc add dev eth2 ingress_block 2 ingress
tc qdisc change dev eth2 clsact
tc filter del dev eth0 ingress prio 1
tc filter del dev eth0 ingress
tc filter change block 5 chain 0 prio 10 handle 7 bpf bytecode '1,6 0 0 0,6 0 0 0,' skip_sw
tc qdisc replace dev eth2 ingress
tc filter del dev eth0 ingress prio 2
tc filter delete dev eth2 egress
tc qdisc add dev eth2 ingress_block 7 ingress
tc qdisc show dev eth2
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f00230_0 type classifier
