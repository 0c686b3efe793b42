# offload fuzz seed 135
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 5 ingress
tc qdisc add dev eth1 ingress_block 1 ingress
tc qdisc show dev eth0
tc -s qdisc show dev eth1
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
echo 2 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter change block 7 prio 5 bpf obj $PROGS/tc_classid.o sec tc skip_hw da classid 1:1
ethtool -K eth1 hw-tc-offload on
tc filter replace dev eth1 parent ffff: prio 5 handle 7 protocol ipv6 bpf obj $PROGS/tc_pass.o skip_hw
tc filter replace dev eth1 ingress pref 5 handle 2 bpf obj $PROGS/tc_classid.o sec tc skip_sw da
tc -s filter show block 1 prio 3
tc filter show dev eth1 egress prio 5
tc filter add dev eth0 ingress bpf bytecode '1,6 0 0 2,' skip_sw da
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc filter show block 5 prio 1
tc qdisc replace dev eth1 ingress_block 1 ingress
tc filter add dev eth0 ingress pref 1 bpf bytecode '1,6 0 0 4294967295,' skip_sw
tc qdisc add dev eth1 clsact
tc filter show dev eth0 ingress
tc filter replace block 1 pref 5 handle 1 bpf obj $PROGS/xdp_pass.o sec xdp skip_sw
tc filter add dev eth2 egress pref 1 bpf obj $PROGS/tc_classid.o skip_sw da
tc filter add block 5 chain 2 pref 2 flower
tc filter add block 5 pref 49152 bpf bytecode '1,6 0 0 1,' skip_hw classid 1:6
tc filter add dev eth2 ingress prio 49152 handle 2 bpf bytecode '1,6 0 0 2,' skip_sw
