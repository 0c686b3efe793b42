# offload fuzz seed 113
echo "1 2" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 7 ingress
tc qdisc add dev eth1 ingress_block 2 ingress
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/1/bpf_tc_non_bound_accept
tc filter add block 7 prio 2 handle 2 bpf bytecode '2,177 0 0 0,6 0 0 0,' classid 1:6
tc filter add dev eth0 ingress prio 3 bpf obj $PROGS/tc_classid.o sec tc skip_sw da
tc filter add block 2 pref 5 bpf bytecode '1,6 0 0 1,' skip_sw
tc filter replace block 7 pref 3 handle 1 bpf action continue obj $PROGS/tc_classid.o skip_hw
tc filter replace dev eth1 parent ffff: pref 5 handle 0x20 bpf obj $PROGS/tc_classid.o sec tc skip_sw
ip link set dev eth0 down
tc filter add block 2 prio 10 handle 0x20 bpf bytecode '1,6 0 0 1,' skip_sw da
tc filter add dev eth1 ingress chain 2 pref 5 bpf obj $PROGS/tc_classid.o sec tc skip_sw da action gact drop
tc filter show block 7
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/1/bpf_tc_accept
ethtool -K eth1 hw-tc-offload on
tc filter add dev eth1 ingress pref 10 handle 0x20 bpf obj $PROGS/tc_pass.o sec classifier da
tc filter replace block 2 pref 3 handle 1 bpf skip_sw bytecode '2,177 0 0 0,6 0 0 0,'
tc filter add dev eth1 parent ffff: chain 0 pref 2 bpf bytecode '1,6 0 0 1,' skip_sw
tc filter add block 2 pref 5 bpf obj $PROGS/tc_pass.o sec classifier skip_sw da
tc -d filter show dev eth0 egress
tc qdisc show dev eth1 ingress
tc qdisc add dev eth0 ingress
tc filter add dev eth1 ingress pref 49152 bpf bytecode '1,6 0 0 0,'
tc filter add dev eth1 ingress prio 3 handle 0x20 bpf obj $PROGS/xdp_pass.o sec xdp skip_sw action continue
tc filter replace dev eth1 ingress pref 5 handle 0x20 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_hw
tc filter add block 7 pref 5 protocol ipv6 bpf bytecode '1,6 0 0 4294967295,' skip_sw
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/1/bpf_tc_accept
tc qdisc replace dev eth2 ingress_block 7 ingress
