# offload fuzz seed 225
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc qdisc change dev eth0 ingress_block 1 ingress
tc qdisc add dev eth1 ingress_block 5 ingress
tc qdisc add dev eth2 clsact
echo N > /sys/kernel/debug/netdevsim/netdevsim2/bpf_bind_verifier_accept
ip link set dev eth1 xdpoffload obj $PROGS/xdp_pass.o sec nosuch
tc filter add block 5 prio 1 handle 1 bpf obj $PROGS/tc_classid.o da skip_hw
cat /sys/kernel/debug/netdevsim/netdevsim2/bpf_bind_accept
tc -s -j filter show dev eth0 parent 1:
tc filter add block 5 chain 2 pref 5 handle 7 protocol ip bpf obj /nonexistent.o skip_sw da action pipe
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_xdpoffload_accept
tc -d filter show dev eth2 ingress
echo 1 > /sys/kernel/debug/netdevsim/netdevsim3/ports/0/bpf_tc_accept
tc qdisc replace dev eth0 clsact
tc filter add block 5 pref 5 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
tc filter replace block 5 pref 1 bpf bytecode '1,6 0 0 1,' skip_sw
tc filter change block 5 chain 1 pref 1 handle 2 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
tc filter add dev eth1 ingress pref 10 handle 2 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw da
cat /sys/kernel/debug/netdevsim/netdevsim3/bpf_bound_progs/1/loaded
ip link set dev eth0 down
ip link set eth0 down
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter add block 5 u32 match u32 0 0
