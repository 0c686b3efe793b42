# offload fuzz seed 43
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 7 clsact
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec nosuch
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bound_progs/2/state
tc filter delete dev eth0 egress chain 2 prio 49152 handle 0x20 bpf
echo 1 > /sys/bus/netdevsim/del_device
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc qdisc del dev eth0 ingress
tc filter add dev eth9 ingress prio 2 handle 1 protocol all u32 match u32 0 0
tc filter delete dev eth9 parent ffff: prio 49152
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
ip link set dev eth9 up
tc filter add dev nosuch parent ffff:fff3 prio 5 bpf bytecode '1,6 0 0 0,' skip_sw
