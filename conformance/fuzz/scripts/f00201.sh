# offload fuzz seed 201
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 egress_block 7 clsact
tc qdisc replace dev eth0 ingress_block 1 egress_block 3 clsact
tc filter get dev eth0 parent ffff: protocol all pref 10 handle 2 bpf
tc filter get block 7 protocol all pref 10 handle 0x20 bpf
tc -s -d filter show block 7
tc filter delete block 5
tc qdisc del dev eth0 clsact
tc filter add dev eth0 ingress pref 10 bpf bytecode '1,6 0 0 1,' skip_sw skip_hw classid 1:6 action continue
echo "2 1" > /sys/bus/netdevsim/new_device
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f00201_0 type classifier dev eth1
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
tc qdisc del dev eth0 ingress
tc filter add dev eth0 ingress pref 2 bpf bytecode '1,6 0 0 2,' skip_sw da
