# offload fuzz seed 189
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 7 ingress
tc filter show block 7
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter add block 7 pref 1 handle 2 bpf bytecode '1,6 0 0 4294967295,' skip_sw da
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec nosuch
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter show block 7
tc filter add block 9 prio 49152 bpf obj $PROGS/xdp_pass.o sec xdp skip_sw da
tc filter replace dev eth0 ingress pref 49152 handle 7 bpf obj $PROGS/tc_classid.o skip_hw da classid 1:6
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec nosuch
tc qdisc add dev eth0 ingress_block 2 ingress
tc filter replace block 7 prio 10 handle 1 bpf bytecode '1,6 0 0 2,' skip_hw
