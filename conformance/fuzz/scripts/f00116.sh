# offload fuzz seed 116
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc replace dev eth0 ingress_block 5 clsact
tc qdisc replace dev eth1 ingress
tc qdisc add dev eth1 ingress_block 5 clsact
tc filter add dev eth0 ingress pref 3 handle 0x20 bpf obj $PROGS/tc_pass.o da classid 1:5 action continue
tc chain show block 9
tc qdisc del dev eth0 clsact
tc -s filter show dev eth1 egress
tc filter delete dev eth1 ingress prio 3 handle 1 bpf
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc qdisc show dev eth1
tc filter add dev eth1 ingress prio 49152 bpf obj $PROGS/tc_classid.o skip_sw da classid 1:7
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc -d filter show dev eth1 ingress
tc qdisc show dev eth9
tc qdisc del dev eth0 ingress
tc filter replace block 9 pref 49152 handle 0x20 bpf obj $PROGS/tc_pass.o skip_sw da classid 1:6
tc filter add dev nosuch ingress pref 5 bpf obj $PROGS/tc_pass.o sec nosuch skip_sw
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
tc filter add dev eth1 ingress pref 2 handle 0x20 protocol ip bpf bytecode '1,6 0 0 0,' skip_hw da
tc filter add dev eth0 ingress pref 49152 protocol all bpf bytecode '1,6 0 0 1,' skip_hw action ok
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter add dev eth1 ingress chain 2 prio 1 handle 1 protocol 802.1q bpf obj $PROGS/tc_pass.o skip_sw da
tc filter show dev eth0 ingress
tc filter show dev eth0 egress
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00116_0 type classifier dev eth1
tc filter add dev eth0 parent ffff: pref 2 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
