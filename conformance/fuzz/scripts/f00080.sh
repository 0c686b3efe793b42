# offload fuzz seed 80
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
tc qdisc replace dev eth0 ingress_block 2 egress_block 7 clsact
tc filter show block 2
echo 1 > /sys/bus/netdevsim/del_device
tc filter add dev nosuch ingress pref 10 handle 1 bpf skip_sw action gact pass index 3 obj /nonexistent.o
tc qdisc del dev eth0 ingress
tc qdisc add dev eth0 ingress_block 2 ingress
tc filter add dev nosuch ingress pref 10 handle 7 protocol ip bpf obj $PROGS/tc_classid.o skip_sw da
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter del dev nosuch ingress
tc -j qdisc show
ip link set dev nosuch xdpoffload obj $PROGS/xdp_pass.o sec xdp
tc qdisc del dev eth0 clsact
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bound_progs/1/loaded
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00080_0 type classifier
tc qdisc show
