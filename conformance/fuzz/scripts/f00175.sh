# offload fuzz seed 175
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
tc qdisc add dev eth0 ingress_block 1 egress_block 7 clsact
tc filter add dev eth0 ingress prio 10 protocol ipv6 bpf obj $PROGS/tc_pass.o da
ip link set dev eth0 xdpoffload off
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00175_0 type classifier dev eth0
tc filter add dev eth0 ingress prio 1 handle 1 bpf obj /nonexistent.o
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_xdpoffload_accept
tc filter replace dev eth0 ingress prio 10 handle 1 bpf bytecode '1,6 0 0 2,' skip_hw action pipe
tc filter add block 1 pref 49152 handle 7 bpf obj $PROGS/tc_classid.o skip_sw classid 1:9
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec nosuch
tc filter delete dev eth0 ingress prio 1
tc filter del dev eth0 ingress prio 49152
tc qdisc add dev eth0 ingress
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter del dev eth0 parent 1:
tc filter add dev eth0 parent ffff: prio 49152 bpf pinned /sys/fs/bpf/f00175_0 skip_sw da
tc filter del dev eth0 egress prio 49152 handle 1 bpf
ethtool -K eth0 hw-tc-offload off
ip link set dev eth0 down
bpftool -j prog show pinned /sys/fs/bpf/f00175_0
