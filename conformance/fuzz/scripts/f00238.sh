# offload fuzz seed 238
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth0 ingress
ethtool -K eth0 tc-offload on
tc -j qdisc show dev eth0
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_non_bound_accept
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter add dev eth1 ingress bpf obj $PROGS/tc_pass.o sec classifier skip_hw da
tc filter replace dev eth0 ingress pref 1 handle 1 bpf obj $PROGS/tc_pass.o verbose skip_sw da action pipe
tc qdisc add dev eth0 ingress_block 7 ingress
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f00238_0 type classifier dev eth1
ip link set dev eth0 xdpoffload off
tc qdisc show dev eth1
tc chain show dev eth0 ingress
echo x > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_accept
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
tc filter add dev eth0 ingress pref 10 u32 match u32 0 0
