# offload fuzz seed 1005
echo "1 2" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ip link set eth1 up
tc qdisc add dev eth0 ingress_block 1 ingress
tc qdisc add dev eth1 ingress_block 1 ingress
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f01005_0 type classifier
tc filter replace dev eth1 parent 1: prio 3 bpf object-file $PROGS/tc_pass.o section classifier action goto chain 1 skip_hw
tc filter del dev eth1 parent ffff: prio 3 handle 1 bpf
tc filter add dev eth0 ingress pref 3 bpf bytecode '1,6 0 0 1,' skip_sw
tc filter replace dev eth0 ingress chain 2 pref 3 handle 1 protocol arp bpf bytecode '1,6 0 0 0,'
echo x > /sys/kernel/debug/netdevsim/netdevsim1/ports/1/bpf_tc_non_bound_accept
ip link set dev eth0 up
tc -s -d -j filter show dev eth1 ingress
ip link set dev eth0 xdpoffload off
tc filter delete block 1 chain 1 prio 3
tc filter add block 1 prio 1 bpf fd /sys/fs/bpf/f01005_0 skip_sw da
tc qdisc show dev eth0
tc qdisc add dev eth1 clsact
tc -d filter show block 1
tc qdisc del dev eth0 ingress
tc -s qdisc show
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
