# offload fuzz seed 130
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
tc qdisc add dev eth0 clsact
tc qdisc add dev eth1 ingress_block 7 clsact
tc filter add block 7 handle 0x20 protocol ip bpf obj $PROGS/tc_classid.o skip_sw da
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc -d filter show dev eth0 ingress
tc qdisc del dev eth0 clsact
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
tc -s filter show dev eth0 ingress
tc filter add block 7 pref 1 protocol ip bpf bytecode '1,6 0 0 1,' skip_hw classid 1:4
tc -d filter show block 7 prio 1
ip link set dev eth1 down
tc filter replace block 7 prio 1 handle 2 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
tc filter show dev eth0 egress
ip link set eth0 up
echo 0 > /sys/kernel/debug/netdevsim/netdevsim3/ports/0/bpf_tc_accept
tc -s filter show block 7
tc qdisc replace dev eth1 ingress
tc filter add block 7 prio 3 flower action drop
tc chain show block 7
tc filter show dev eth1 parent 1:
echo "4 1" > /sys/bus/netdevsim/new_device
ip link set eth3 up
ethtool -K eth3 hw-tc-offload on
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f00130_0 type classifier dev eth3
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
cat /sys/kernel/debug/netdevsim/netdevsim4/ports/0/bpf_offloaded_id
tc qdisc del dev eth3 clsact
