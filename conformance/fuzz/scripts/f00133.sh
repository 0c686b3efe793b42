# offload fuzz seed 133
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
tc qdisc add dev eth0 egress_block 3 clsact
tc chain show block 3
ip link set eth0 down
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00133_0 type classifier
echo 1 > /sys/bus/netdevsim/del_device
tc filter add dev nosuch ingress chain 1 pref 5 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
ip link set dev eth9 xdpoffload obj $PROGS/xdp_pass.o sec nosuch
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f00133_1 type classifier
tc filter add block 1 pref 2 bpf skip_sw bytecode '1,6 0 0 0,'
tc filter add dev nosuch egress bpf bytecode '1,6 0 0 4294967295,' skip_sw
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f00133_2 type classifier
tc filter add dev eth9 ingress prio 2 handle 7 protocol ip bpf obj $PROGS/tc_classid.o sec tc skip_sw da classid 1:7
tc filter add dev nosuch ingress prio 49152 bpf obj $PROGS/tc_pass.o sec nosuch skip_sw da
ip link set dev nosuch xdpoffload obj $PROGS/xdp_pass.o sec nosuch
tc filter show dev eth9 ingress
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter show dev eth9 ingress
ethtool -k eth9
tc filter add dev eth9 egress prio 1 handle 1 bpf bytecode '1,4 0 0 0,' skip_sw da
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc filter replace dev eth0 ingress pref 2 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
tc -d filter show dev eth0 ingress
tc filter add dev eth0 ingress pref 1 bpf bytecode '1,6 0 0 4294967295,' action gact drop
tc filter replace dev eth0 egress prio 5 handle 1 bpf bytecode '1,6 0 0 4294967295,' da classid 1:3
