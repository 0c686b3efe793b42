# offload fuzz seed 168
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc replace dev eth1 ingress_block 5 ingress
tc -s -d filter show dev eth9 egress
tc filter add block 5 prio 10 handle 2 bpf bytecode '1,6 0 0 4294967295,' skip_hw
tc filter add block 5 prio 2 handle 7 bpf obj $PROGS/tc_pass.o sec classifier skip_hw
echo 0 > /sys/kernel/debug/netdevsim/netdevsim2/bpf_bind_accept
echo Y > /sys/kernel/debug/netdevsim/netdevsim2/bpf_bind_accept
tc -s -j filter show block 5
tc filter del dev eth1 ingress
tc filter add block 5 pref 3 bpf bytecode '1,6 0 0 0,' skip_hw da classid 1:7
tc filter add dev eth0 ingress pref 10 bpf obj $PROGS/tc_pass.o sec classifier skip_sw da
tc chain show dev eth0 ingress
tc filter del block 5 prio 3 handle 1 bpf
ip link set eth0 up
tc filter add dev eth1 root prio 5 bpf bytecode '1,6 0 0 2,' skip_hw action gact drop
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter del block 2 prio 2
