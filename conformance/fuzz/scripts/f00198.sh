# offload fuzz seed 198
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
tc qdisc add dev eth1 ingress_block 5 clsact
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
tc filter show dev eth1 egress
tc filter add block 5 pref 49152 u32 match u32 0 0
tc qdisc del dev eth0 clsact
ip link set dev eth0 xdpoffload off
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter add dev eth1 ingress pref 1 handle 1 bpf bytecode '1,6 0 0 4294967295,' skip_sw skip_hw classid 1:9
tc filter replace block 5 pref 1 flower action drop
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00198_0 type classifier
tc filter add block 5 pref 5 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
tc filter add dev eth0 ingress prio 10 handle 1 bpf bytecode '1,6 0 0 2,' classid 1:4
tc filter del dev eth1 ingress prio 1 handle 2 bpf
tc -s filter show block 5 chain 1
