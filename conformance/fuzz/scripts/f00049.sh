# offload fuzz seed 49
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc replace dev eth1 ingress_block 7 egress_block 7 clsact
echo 1 > /sys/kernel/debug/netdevsim/netdevsim2/bpf_bind_accept
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_xdpoffload_accept
ip link set dev eth1 xdpoffload obj $PROGS/xdp_pass.o sec nosuch
echo N > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_accept
ip link set dev eth1 xdpoffload obj $PROGS/xdp_pass.o sec xdp
ethtool -K eth0 hw-tc-offload off
tc -s -d filter show block 7
tc qdisc show dev eth1
tc filter add dev eth1 egress prio 5 bpf obj $PROGS/tc_classid.o sec tc skip_sw da
ip link set dev nosuch xdpoffload off
tc filter replace dev eth0 egress prio 5 handle 2 bpf obj $PROGS/tc_pass.o sec nosuch
tc filter add block 7 bpf bytecode '1,6 0 0 2,' skip_sw
echo Y > /sys/kernel/debug/netdevsim/netdevsim2/bpf_bind_accept
tc -d filter show dev eth0 ingress
tc qdisc add dev eth0 ingress_block 2 ingress
tc filter delete block 2 prio 49152
tc -j qdisc show dev nosuch
tc filter add block 5 pref 2 bpf obj $PROGS/tc_pass.o sec classifier skip_hw da classid 1:9 action gact reclassify
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f00049_0 type classifier dev eth0
tc filter add block 1 pref 1 bpf bytecode '1,6 0 0 1,' skip_sw da
tc filter replace dev eth1 root prio 5 bpf bytecode '1,6 0 0 2,' skip_sw classid 1:7
tc qdisc replace dev eth0 ingress_block 2 ingress
tc filter replace block 7 pref 2 handle 0x20 protocol 802.1q bpf bytecode '1,6 0 0 4294967295,' skip_sw
