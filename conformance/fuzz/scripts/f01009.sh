# offload fuzz seed 1009
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 1 ingress
tc qdisc add dev eth0 ingress_block 2 ingress
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter del block 1 prio 3 handle 0x20 bpf
tc filter add dev eth0 parent ffff: prio 5 bpf obj $PROGS/tc_pass.o skip_sw da classid 1:9 action drop
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_xdpoffload_accept
tc qdisc del dev eth0 clsact
ip link set dev eth0 down
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter add dev eth0 ingress prio 1 bpf bytecode '1,6 0 0 1,' skip_hw
tc filter add block 9 pref 1 bpf da bytecode '2,177 0 0 0,6 0 0 0,'
tc filter delete dev eth0 ingress prio 1
tc filter add block 1 pref 2 handle 1 bpf bytecode '1,6 0 0 1,' skip_sw
tc filter add block 1 pref 49152 handle 7 bpf obj $PROGS/tc_pass.o skip_sw
tc filter replace dev eth0 parent ffff: prio 1 handle 2 bpf da obj $PROGS/tc_classid.o sec tc skip_hw
