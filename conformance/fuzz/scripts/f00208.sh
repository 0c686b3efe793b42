# offload fuzz seed 208
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc -p -j qdisc show dev eth0
tc filter replace dev eth0 egress prio 49152 handle 1 bpf obj $PROGS/tc_pass.o sec classifier skip_sw da
tc filter show dev eth0 egress
tc qdisc add dev eth0 ingress
tc filter add dev eth0 ingress chain 0 prio 5 handle 0x20 bpf bytecode '1,6 0 0 2,' skip_sw da
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f00208_0 type classifier
tc filter del dev eth0 egress prio 49152
tc filter del dev eth0 parent ffff: chain 1 prio 49152
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
tc filter add dev eth0 ingress prio 5 bpf bytecode '1,6 0 0 0,' skip_sw
tc filter replace dev eth0 ingress pref 10 handle 1 bpf obj /nonexistent.o
tc filter add dev eth0 ingress handle 0x20 matchall action drop
tc filter add dev eth0 parent ffff: prio 49152 protocol ipv6 bpf obj $PROGS/tc_classid.o sec tc da
ip link set dev eth0 xdpoffload off
tc filter add dev eth0 egress pref 5 bpf bytecode '1,6 0 0 0,' skip_sw
tc filter add dev eth0 ingress pref 10 flower
tc filter del dev eth0 ingress prio 49152 handle 2 bpf
