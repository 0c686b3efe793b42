# offload fuzz seed 1015
echo "1 1" > /sys/bus/netdevsim/new_device
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 1 clsact
ip link set eth0 up
tc filter replace dev eth0 ingress pref 3 handle 2 protocol ip matchall action drop
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc filter add dev eth0 ingress pref 2 bpf obj $PROGS/tc_classid.o skip_sw da
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter add block 1 bpf obj $PROGS/tc_pass.o skip_hw da action drop
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
echo 0 > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_accept
tc filter add dev eth0 ingress pref 1 handle 2 bpf bytecode '2,177 0 0 0,6 0 0 0,' action gact pass index 3
tc filter del dev eth0 egress prio 3 handle 2 bpf
tc filter get dev eth1 ingress protocol all pref 1 handle 0x20 bpf
echo Y > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_xdpoffload_accept
tc filter add block 9 prio 10 handle 0x20 bpf bytecode '1,6 0 0 0,' classid 1:5
tc filter get dev eth0 parent ffff:fff3 protocol all pref 2 handle 2 bpf
tc filter replace dev eth0 ingress prio 5 bpf obj $PROGS/tc_classid.o sec tc action trap skip_sw
tc qdisc show
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
ethtool -K eth1 hw-tc-offload
tc filter add dev eth1 ingress prio 3 bpf bytecode '1,6 0 0 2,' da
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_accept
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
tc qdisc add dev eth0 egress_block 2 clsact
tc filter del block 1 chain 0
tc filter change dev eth1 ingress pref 5 handle 1 protocol ipv6 flower skip_sw action drop
