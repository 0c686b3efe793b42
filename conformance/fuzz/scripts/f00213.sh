# offload fuzz seed 213
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 2 clsact
echo 1 > /sys/bus/netdevsim/del_device
tc filter replace dev eth9 ingress handle 0x20 protocol ip bpf obj $PROGS/xdp_pass.o sec xdp skip_sw action pass
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc qdisc del dev eth0 ingress
tc qdisc add dev eth0 ingress
tc qdisc del dev eth0 ingress
tc filter add dev eth9 ingress pref 1 bpf skip_sw bytecode '1,6 0 0 2,'
tc filter add dev nosuch egress pref 3 handle 7 bpf bytecode '2,177 0 0 0,6 0 0 0,' classid 1:4
tc filter add dev nosuch egress pref 10 protocol all bpf obj $PROGS/tc_classid.o skip_sw da
tc filter add dev eth9 egress prio 10 handle 0x20 bpf obj $PROGS/tc_pass.o sec classifier skip_sw da
tc qdisc add dev eth0 ingress_block 2 egress_block 3 clsact
tc qdisc show dev eth9
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
tc filter del dev eth9 egress prio 3
tc filter delete dev eth9 ingress prio 1
tc filter add dev eth9 egress chain 0 pref 2 handle 1 bpf bytecode '1,6 0 0 2,' skip_sw da
tc filter show dev nosuch parent ffff:fff3
ip link set dev nosuch xdpoffload obj $PROGS/xdp_pass.o sec xdp
