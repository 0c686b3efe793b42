# offload fuzz seed 2024
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
tc qdisc add dev eth0 ingress_block 2 clsact
tc filter add dev eth0 parent ffff: pref 1 bpf obj $PROGS/tc_classid.o sec tc skip_sw da
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f02024_0 type classifier dev eth0
ip -p -j link show eth0
tc filter replace dev eth0 egress pref 49152 bpf obj $PROGS/tc_pass.o sec classifier skip_sw
tc filter delete dev eth0 ingress prio 49152
tc filter add block 2 pref 3 bpf bytecode '1,4 0 0 0,' skip_sw action gact pass index 3
ip link set dev eth0 xdpoffload off
ethtool -k eth0
tc chain show block 2
tc filter replace block 2 prio 3 handle 2 bpf bytecode '1,6 0 0 1,' skip_sw classid 1:1
bpftool -p prog show pinned /sys/fs/bpf/f02024_0
tc -j filter get block 5 protocol all pref 2 handle 1 bpf
tc filter add dev eth0 parent ffff: bpf bytecode '1,6 0 0 4294967295,' da classid 1:7
tc filter add block 2 prio 2 protocol all matchall action drop
tc qdisc del dev eth0 clsact
tc qdisc del dev eth0 ingress
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
tc filter add dev eth0 egress pref 10 handle 2 bpf bytecode '1,6 0 0 1,' skip_sw
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter show dev eth0 parent ffff:fff3
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter show dev eth0 ingress protocol all prio 49152
tc qdisc add dev eth0 ingress_block 2 ingress
tc -s qdisc show dev eth0 clsact
tc filter add block 2 prio 10 handle 2 bpf obj $PROGS/tc_pass.o skip_hw da
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
