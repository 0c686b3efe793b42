# offload fuzz seed 244
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 7 ingress
tc qdisc add dev eth1 ingress_block 7 egress_block 2 clsact
ip -force link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
tc filter replace dev eth1 egress prio 49152 handle 0x20 bpf obj $PROGS/tc_pass.o sec classifier skip_hw da
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00244_0 type classifier dev eth0
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
tc chain show dev eth1 egress
tc filter add block 7 prio 3 handle 0x20 bpf obj $PROGS/tc_pass.o sec classifier
tc filter delete block 2
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc -j filter show block 7
ip link set dev eth2 xdpoffload off
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
cat /sys/kernel/debug/netdevsim/netdevsim3/ports/0/bpf_offloaded_id
tc filter add dev eth0 root pref 3 handle 7 bpf bytecode '1,6 0 0 0,' skip_sw
tc filter change dev eth1 egress prio 49152 handle 2 protocol arp bpf bytecode '1,6 0 0 4294967295,' skip_sw
tc qdisc change dev eth0 ingress
ip link set eth2 up
tc filter add dev eth0 ingress pref 3 bpf bytecode '1,6 0 0 0,' skip_sw skip_hw da classid 1:1
cat /sys/kernel/debug/netdevsim/netdevsim3/ports/0/bpf_offloaded_id
tc -d filter show dev eth1 parent ffff:fff3
cat /sys/kernel/debug/netdevsim/netdevsim3/ports/0/bpf_tc_accept
tc -s filter show dev eth1 ingress
tc filter replace dev eth2 egress prio 3 protocol 802.1q u32 match u32 0 0
cat /sys/kernel/debug/netdevsim/netdevsim2/bpf_bound_progs/0/state
cat /sys/kernel/debug/netdevsim/netdevsim2/bpf_bind_accept
tc filter get block 7 protocol all pref 49152 handle 1 bpf
tc -s qdisc show dev eth0
