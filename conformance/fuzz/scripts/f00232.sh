# offload fuzz seed 232
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
tc filter add dev eth0 ingress prio 49152 bpf obj $PROGS/tc_pass.o sec classifier skip_sw da
tc filter show block 5 chain 0
tc filter add dev eth0 ingress pref 3 bpf bytecode '1,6 0 0 4294967295,' skip_sw da
tc qdisc add dev eth0 ingress_block 5 ingress
ethtool -K eth0 hw-tc-offload off
tc filter add dev eth0 root prio 5 bpf obj $PROGS/tc_pass.o sec classifier da
tc filter add dev eth0 parent ffff: pref 10 handle 2 bpf bytecode '1,6 0 0 0,' skip_sw
tc qdisc change dev eth0 ingress_block 5 egress_block 3 clsact
echo N > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_accept
tc qdisc show
tc qdisc del dev eth0 ingress
tc qdisc del dev eth0 clsact
tc -s qdisc show dev eth0
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc chain show dev eth0 ingress
tc filter delete dev eth0 ingress prio 10
tc qdisc change dev eth0 clsact
tc filter add dev eth9 egress pref 3 bpf bytecode '1,6 0 0 4294967295,' skip_sw da
tc filter add dev eth9 ingress prio 1 bpf bytecode '1,6 0 0 4294967295,'
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f00232_0 type classifier
tc filter add dev eth0 ingress prio 3 bpf pinned /sys/fs/bpf/f00232_0 skip_sw da
tc filter replace dev eth0 ingress prio 5 bpf obj $PROGS/tc_pass.o da classid 1:3
tc filter add dev eth0 ingress chain 0 pref 5 protocol ip bpf bytecode '1,6 0 0 2,' da
