# offload fuzz seed 231
echo "1 2" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth1 hw-tc-offload on
echo "2 2" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
ip link set eth3 up
ethtool -K eth3 hw-tc-offload on
tc qdisc add dev eth2 ingress
tc qdisc change dev eth3 ingress
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
echo 1 > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_xdpoffload_accept
ethtool -K eth0 hw-tc-offload on
ip link set dev eth1 xdpoffload obj $PROGS/xdp_pass.o sec nosuch
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth4 up
tc filter add dev eth3 egress pref 5 handle 7 protocol ipv6 bpf action gact drop
cat /sys/kernel/debug/netdevsim/netdevsim3/bpf_bound_progs/2/state
tc filter show dev eth4 egress
tc filter show dev eth4 ingress
tc filter replace dev eth0 root pref 3 handle 0x20 bpf obj $PROGS/tc_classid.o skip_hw
ip -force link set dev eth4 xdpoffload obj $PROGS/xdp_pass.o sec nosuch
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc qdisc del dev eth0 ingress
echo 2 > /sys/kernel/debug/netdevsim/netdevsim3/ports/1/bpf_tc_non_bound_accept
echo N > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_accept
tc filter add dev eth1 egress pref 10 protocol all bpf obj /nonexistent.o action ok
tc filter add dev eth1 ingress prio 5 bpf bytecode '1,6 0 0 1,' skip_sw
echo 0 > /sys/kernel/debug/netdevsim/netdevsim2/ports/1/bpf_tc_non_bound_accept
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_accept
tc qdisc replace dev eth1 ingress_block 5 ingress
ip link set dev eth2 xdpoffload obj $PROGS/xdp_pass.o sec xdp
tc filter delete dev eth1 parent ffff: chain 1
