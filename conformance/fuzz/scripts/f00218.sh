# offload fuzz seed 218
echo "1 1" > /sys/bus/netdevsim/new_device
ethtool -K eth0 hw-tc-offload on
ip link add vethA type veth peer name vethB
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth0 clsact
tc qdisc add dev vethB ingress_block 7 ingress
tc qdisc add dev eth1 ingress_block 1 clsact
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00218_0 type classifier
tc -s filter show block 7
tc filter show dev vethB ingress
tc filter del block 1 prio 2 handle 1 bpf
tc qdisc del dev eth1 clsact
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec nosuch
tc qdisc show dev vethA
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc -d filter show dev eth1 ingress
tc qdisc add dev vethB ingress_block 7 clsact
tc qdisc del dev vethA ingress
tc filter show dev vethA ingress
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f00218_1 type classifier dev eth2
