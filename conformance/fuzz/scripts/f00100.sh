# offload fuzz seed 100
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc filter add block 2 prio 2 handle 0x20 bpf obj $PROGS/tc_classid.o skip_sw
tc filter add dev eth0 parent ffff: pref 49152 bpf obj $PROGS/tc_pass.o sec classifier da
tc filter del dev eth0 parent ffff: prio 49152
tc qdisc replace dev eth0 ingress_block 5 ingress
echo N > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc qdisc del dev eth0 ingress
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter add block 5 chain 0 prio 3 handle 7 protocol 802.1q bpf bytecode '1,6 0 0 4294967295,' skip_sw
tc filter add dev eth0 parent ffff: chain 0 handle 0x20 protocol ipv6 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
tc filter add block 5 prio 1 handle 0x20 bpf bytecode '1,6 0 0 0,' da
ip link set eth0 down
tc qdisc add dev eth0 ingress_block 2 ingress
