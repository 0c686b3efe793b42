# offload fuzz seed 117
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth1 ingress_block 7 ingress
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter add block 9 pref 3 bpf obj $PROGS/tc_classid.o sec tc skip_hw da
tc filter replace dev eth1 egress pref 10 handle 1 bpf obj $PROGS/tc_pass.o skip_sw da
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00117_0 type classifier dev eth1
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f00117_1 type classifier dev eth1
tc -j filter show block 7
tc qdisc add dev eth0 clsact ingress_block 7
tc -d qdisc show dev eth1
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
tc filter del dev eth1 ingress prio 3
tc filter add dev eth1 ingress handle 7 bpf obj $PROGS/tc_pass.o sec classifier skip_hw da classid 1:4
tc qdisc replace dev eth0 clsact
tc filter add dev eth1 root chain 0 pref 3 handle 0x20 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw classid 1:1
tc filter replace block 7 prio 3 handle 2 protocol ipv6 bpf obj $PROGS/tc_pass.o skip_sw da
