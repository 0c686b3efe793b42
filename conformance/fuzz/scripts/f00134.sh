# offload fuzz seed 134
echo "1 1" > /sys/bus/netdevsim/new_device
tc qdisc add dev eth0 ingress_block 2 ingress
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec nosuch
tc filter add dev eth0 ingress pref 49152 handle 7 bpf obj /nonexistent.o skip_sw action gact pass index 3
tc filter add dev eth0 ingress prio 49152 protocol ip bpf obj $PROGS/tc_pass.o sec classifier skip_sw da classid 1:2 action gact pass index 3
tc filter add dev eth0 egress prio 3 handle 2 bpf bytecode '1,6 0 0 0,' skip_sw
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter change block 2 pref 5 bpf skip_sw bytecode '1,6 0 0'
tc qdisc add dev eth0 ingress_block 5 clsact
tc filter replace block 2 prio 49152 handle 2 bpf obj $PROGS/tc_classid.o
tc filter add block 2 chain 2 prio 5 handle 0x20 bpf bytecode '1,6 0 0 2,' da
tc filter replace block 2 prio 3 handle 2 bpf skip_sw
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter show dev eth0 ingress
ip link set dev eth0 up
echo 2 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter del dev eth0 ingress prio 3 handle 0x20 bpf
tc filter del block 2 prio 49152 handle 1 bpf
ip link set eth0 down
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter add dev eth0 ingress bpf obj $PROGS/tc_classid.o sec tc skip_sw da classid 1:1
echo 1 > /sys/bus/netdevsim/del_device
tc qdisc add dev eth0 ingress_block 1 ingress
tc filter replace dev nosuch parent ffff:fff3 prio 3 handle 0x20 bpf obj $PROGS/tc_pass.o skip_sw da
tc filter replace dev eth9 ingress prio 5 handle 7 bpf bytecode '1,6 0 0 4294967295,'
