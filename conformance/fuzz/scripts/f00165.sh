# offload fuzz seed 165
echo "1 2" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc replace dev eth0 ingress_block 7 ingress
tc qdisc add dev eth1 ingress_block 2 ingress
tc qdisc del dev eth1 ingress
ip link show eth0
tc filter replace block 7 pref 1 handle 2 bpf obj $PROGS/tc_classid.o sec tc da
tc filter add dev eth0 ingress pref 1 handle 7 bpf bytecode '1,6 0 0 0,' skip_sw
tc filter replace dev eth0 ingress prio 1 handle 1 bpf bytecode '1,6 0 0 4294967295,' skip_sw skip_sw action pass
echo 2 > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
tc qdisc add dev eth0 ingress
tc -j qdisc show dev eth0
tc qdisc show
echo N > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter add block 7 protocol 802.1q bpf bytecode '1,6 0 0 1,' skip_sw
echo 2 > /sys/kernel/debug/netdevsim/netdevsim1/ports/1/bpf_tc_non_bound_accept
tc filter show dev eth0 ingress
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_xdpoffload_accept
tc -p -j filter show dev eth0 parent ffff: chain 0
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_accept
tc filter show block 7
tc filter add block 7 pref 3 bpf bytecode '1,6 0 0 4294967295,' skip_sw
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter add dev eth1 egress pref 2 bpf bytecode '1,6 0 0 4294967295,'
tc filter change dev eth1 ingress pref 2 handle 2 matchall skip_sw action drop
tc filter add block 7 handle 2 matchall action drop
tc -s -j filter show dev eth1 egress
tc filter change dev eth0 egress handle 2 bpf obj $PROGS/tc_pass.o action pipe skip_hw
