# offload fuzz seed 2013
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
tc qdisc replace dev eth0 egress_block 7 clsact
tc filter del dev eth0 ingress prio 10 handle 0x20 bpf
tc filter add block 7 pref 2 matchall action drop
tc filter replace dev eth0 ingress chain 0 handle 0x20 protocol all bpf obj $PROGS/tc_classid.o sec tc da
tc filter add dev eth0 ingress chain 2 pref 1 bpf bytecode '1,6 0 0 2,'
echo 1 > /sys/bus/netdevsim/del_device
echo "7 0" > /sys/bus/netdevsim/new_device
tc filter add dev eth9 ingress prio 10 bpf obj $PROGS/tc_pass.o skip_sw da
tc filter add dev eth9 ingress pref 10 bpf obj $PROGS/tc_classid.o sec tc skip_hw action drop
tc filter show dev nosuch egress
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
ip link set dev nosuch xdpoffload obj $PROGS/xdp_pass.o sec xdp
ip link set dev eth9 xdpoffload obj $PROGS/xdp_pass.o sec xdp
tc filter add dev nosuch egress pref 5 handle 7 bpf bytecode '1,6 0 0 1,' skip_sw
tc filter add dev eth9 egress chain 1 pref 5 bpf bytecode '1,6 0 0 0,'
tc filter add dev eth9 egress chain 0 pref 5 bpf obj $PROGS/tc_classid.o skip_sw da
tc filter del dev nosuch parent 1:
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter add dev eth9 ingress prio 10 u32 match u32 0 0
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc -j qdisc show dev nosuch
