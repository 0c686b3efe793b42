# offload fuzz seed 206
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
tc qdisc replace dev eth0 ingress_block 2 ingress
ip link set dev eth0 xdpoffload off
echo 2 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
echo 1 > /sys/bus/netdevsim/del_device
tc filter add dev eth9 parent ffff: prio 2 handle 1 bpf skip_sw da obj $PROGS/tc_classid.o
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
tc filter replace dev nosuch egress pref 2 handle 0x20 bpf obj $PROGS/tc_classid.o sec tc verbose skip_sw da
echo 2 > /sys/bus/netdevsim/del_device
tc filter add dev nosuch ingress chain 2 pref 49152 handle 1 bpf bytecode '1,6 0 0 1,' skip_sw classid 1:8
tc filter del dev eth9 egress
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter replace dev eth9 parent ffff: pref 2 handle 0x20 bpf obj /nonexistent.o skip_sw
tc filter show dev nosuch ingress prio 2
tc qdisc replace dev eth0 ingress_block 7 ingress
tc qdisc add dev eth0 egress_block 2 clsact
tc filter replace dev nosuch ingress pref 49152 handle 2 protocol 802.1q bpf bytecode '1,6 0 0 4294967295,' skip_sw
cat /sys/kernel/debug/netdevsim/netdevsim2/bpf_bind_accept
echo N > /sys/kernel/debug/netdevsim/netdevsim2/bpf_bind_accept
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_non_bound_accept
