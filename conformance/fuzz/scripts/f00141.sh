# offload fuzz seed 141
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth1 ingress_block 2 egress_block 3 clsact
tc qdisc del dev eth1 clsact
tc -s filter show dev eth0 ingress
tc filter add dev eth1 ingress pref 10 handle 1 bpf bytecode '1,6 0 0 0,' skip_hw action drop
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc qdisc add dev eth0 ingress
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter del dev eth1 ingress
echo 2 > /sys/bus/netdevsim/del_device
cat /sys/kernel/debug/netdevsim/netdevsim2/bpf_bind_accept
ip link set dev eth0 down
ip link show eth0
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f00141_0 type classifier dev eth0
tc filter add dev eth0 egress pref 2 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
echo x > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc -j filter show dev eth9 ingress
tc -s filter show block 1
tc -p -j filter show dev eth0 ingress
