# offload fuzz seed 2027
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 1 ingress
tc filter del dev eth0 ingress prio 3
tc -j filter show dev eth0 ingress
tc filter show block 7 prio 3
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_xdpoffload_accept
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc chain show block 1
tc qdisc replace dev eth0 ingress
tc qdisc add dev eth0 ingress
tc qdisc del dev eth0 ingress
ethtool -k eth0
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter change dev eth0 ingress prio 3 handle 0x20 bpf bytecode '1,6 0 0 2,' skip_hw da
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter del dev eth0 ingress prio 3 handle 0x20 bpf
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_delay
tc filter replace dev eth0 egress chain 1 prio 3 handle 7 bpf bytecode '1,6 0 0 4294967295,' skip_sw
tc filter add dev eth0 root bpf obj $PROGS/tc_pass.o sec classifier skip_sw da
echo 1 > /sys/bus/netdevsim/del_device
tc filter change dev eth9 ingress prio 3 handle 2 bpf obj $PROGS/tc_pass.o sec classifier da
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
