# offload fuzz seed 204
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 7 ingress
ethtool -K eth0 hw-tc-offload on
tc filter del block 5 prio 49152
tc filter add dev eth0 ingress handle 7 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_hw da
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter del dev eth0 egress prio 49152 handle 2 bpf
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_xdpoffload_accept
tc filter add block 7 prio 5 handle 2 protocol 802.1q bpf bytecode '2,6 0 0 0,'
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00204_0 type classifier dev eth0
tc filter del dev eth0 ingress prio 5 handle 2 bpf
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
tc -s filter show block 5
tc filter delete dev eth0 ingress prio 49152 handle 1 bpf
tc -j filter show block 7
echo x > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_xdpoffload_accept
bpftool -j prog show pinned /sys/fs/bpf/f00204_0
tc filter del dev eth1 egress prio 10
tc filter add dev eth0 ingress pref 2 handle 2 protocol ip bpf bytecode '1,6 0 0 4294967295,' skip_sw da action ok
tc qdisc replace dev eth0 ingress_block 5 clsact
echo N > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_xdpoffload_accept
tc filter add dev eth1 root protocol arp bpf obj $PROGS/tc_pass.o sec classifier skip_sw da action continue
tc filter show block 7
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
cat /sys/kernel/debug/netdevsim/netdevsim3/ports/0/bpf_offloaded_id
tc qdisc add dev eth1 clsact
tc filter replace block 7 pref 5 handle 2 protocol 802.1q bpf bytecode '1,6 0 0 0,' skip_hw da
tc filter show dev eth0 egress
