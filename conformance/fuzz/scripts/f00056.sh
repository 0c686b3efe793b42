# offload fuzz seed 56
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ethtool -K eth1 hw-tc-offload on
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 1 clsact
tc qdisc add dev eth1 ingress_block 7 egress_block 7 clsact
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
tc filter add block 7 pref 2 bpf obj $PROGS/tc_classid.o sec tc da classid 1:5
echo "4 1" > /sys/bus/netdevsim/new_device
ip link set eth3 up
ethtool -K eth3 hw-tc-offload on
tc qdisc add dev eth0 egress_block 3 clsact
tc filter get block 7 protocol all pref 2 handle 2 bpf
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_accept
tc filter add block 1 bpf skip_sw
tc filter add dev eth1 root prio 3 handle 1 bpf bytecode '1,6 0 0 4294967295,' skip_sw da classid 1:9
tc filter add dev eth3 ingress pref 2 bpf bytecode '2,177 0 0 0,6 0 0 0,'
tc qdisc del dev eth1 clsact
tc filter show dev eth2 ingress
tc filter add block 1 pref 5 handle 7 bpf obj $PROGS/tc_classid.o skip_hw
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00056_0 type classifier dev eth3
tc filter replace block 1 chain 1 pref 2 handle 0x20 bpf bytecode '1,6 0 0 1,' skip_sw da
cat /sys/kernel/debug/netdevsim/netdevsim4/ports/0/bpf_offloaded_id
tc filter add block 1 chain 1 pref 2 handle 1 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw da
tc filter change block 9 pref 5 handle 0x20 bpf bytecode '1,6 0 0 1,' skip_hw classid 1:2
tc filter add dev eth3 egress pref 5 protocol ip bpf obj $PROGS/tc_classid.o sec tc skip_hw da
tc qdisc add dev eth1 egress_block 3 clsact
cat /sys/kernel/debug/netdevsim/netdevsim3/ports/0/bpf_offloaded_id
tc filter replace block 1 prio 10 handle 1 bpf obj $PROGS/tc_pass.o sec classifier skip_sw da
echo "5 1" > /sys/bus/netdevsim/new_device
ip link set eth4 up
ethtool -K eth4 hw-tc-offload on
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
echo 5 > /sys/bus/netdevsim/del_device
tc filter show block 1 chain 1
tc filter show dev eth1 egress
tc filter replace dev eth1 ingress pref 5 handle 7 protocol ip bpf bytecode '1,6 0 0 1,' skip_hw
