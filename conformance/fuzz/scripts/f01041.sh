# offload fuzz seed 1041
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link add vethA type veth peer name vethB
ip link set vethA up
tc qdisc replace dev vethB ingress_block 7 ingress
tc filter add dev vethB egress prio 3 bpf obj $PROGS/tc_classid.o sec tc skip_sw
tc filter get block 7 protocol all pref 3 handle 1 bpf
tc filter show dev vethB root
ip link set dev eth0 down
tc -s filter show dev eth0 ingress
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
ethtool -K vethA hw-tc-offload on
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter show dev vethA root
ethtool -K vethA hw-tc-offload off
tc filter replace block 7 prio 5 bpf obj $PROGS/tc_classid.o sec tc verbose skip_hw
ip link set eth0 up
ip link show eth0
ip link set dev vethB down
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc filter replace block 7 u32 match u32 0 0
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
tc qdisc del dev vethB ingress
tc filter add block 5 pref 1 handle 1 bpf bytecode '1,6 0 0 4294967295,' skip_hw da action pipe
echo N > /sys/kernel/debug/netdevsim/netdevsim2/bpf_bind_verifier_accept
cat /sys/kernel/debug/netdevsim/netdevsim2/bpf_bind_accept
tc filter add dev eth1 ingress prio 10 protocol 802.1q bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
tc filter add dev eth1 ingress prio 1 handle 2 bpf bytecode '1,6 0 0 4294967295,' skip_sw
tc filter show block 9
tc filter replace dev eth1 parent ffff: preference 1 bpf object-file $PROGS/tc_pass.o section classifier direct-action skip_sw
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bound_progs/2/state
tc filter change dev eth0 egress pref 5 bpf bytecode '1,6 0 0 2,' skip_sw da
