# offload fuzz seed 16
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 2 ingress
tc filter add block 2 prio 5 bpf bytecode '1,6 0 0 2,' skip_sw classid 1:8
tc filter del block 2 prio 5 handle 2 bpf
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter add dev eth0 egress prio 10 handle 7 bpf skip_sw classid 1:1 da obj $PROGS/tc_pass.o sec classifier
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter add dev eth0 ingress prio 1 handle 2 bpf skip_sw classid 1:2
tc filter show block 2
tc filter add block 2 prio 1 bpf bytecode '1,6 0 0 4294967295,' skip_sw classid 1:9 action ok
tc -j filter show dev eth0 ingress
tc filter add block 2 prio 1 handle 1 bpf obj $PROGS/tc_classid.o sec tc da
tc filter change block 2 prio 1 handle 2 protocol ipv6 bpf skip_hw
tc filter add dev eth0 ingress prio 10 handle 2 bpf obj $PROGS/tc_pass.o sec classifier skip_sw da
tc filter show dev eth0 egress
tc qdisc add dev eth0 ingress_block 2 ingress
tc filter add block 2 prio 2 protocol ip bpf classid 1:9 skip_sw bytecode '2,177 0 0 0,6 0 0 0,'
tc filter add dev eth0 ingress prio 10 handle 0x20 flower
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter show block 5
tc filter replace dev eth0 parent ffff: prio 5 handle 0x20 bpf obj $PROGS/tc_pass.o skip_sw da
