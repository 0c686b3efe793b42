# offload fuzz seed 144
echo "1 1" > /sys/bus/netdevsim/new_device
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 5 ingress
tc filter show block 5
tc filter add block 5 pref 49152 handle 0x20 bpf obj $PROGS/tc_classid.o verbose da
tc qdisc add dev eth0 ingress
tc qdisc add dev eth0 clsact
ip link set dev eth1 xdpoffload obj $PROGS/xdp_pass.o sec nosuch
tc filter add block 5 chain 1 pref 10 handle 1 bpf bytecode '1,6 0 0 1,' skip_sw da
tc filter add block 5 pref 2 bpf bytecode '1,6 0 0 4294967295,' skip_sw
tc filter change block 5 pref 10 handle 2 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw da action gact pass index 3
ethtool -K eth1 hw-tc-offload off
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
ip link set dev eth0 xdpoffload off
