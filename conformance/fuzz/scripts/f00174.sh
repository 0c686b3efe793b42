# offload fuzz seed 174
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
tc qdisc add dev eth0 clsact ingress_block 5
tc -s qdisc show dev eth1
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter add block 2 prio 1 bpf obj $PROGS/tc_classid.o sec tc skip_hw da
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f00174_0 type classifier dev eth0
echo N > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_accept
tc filter add dev eth1 egress chain 2 prio 10 handle 2 protocol ipv6 bpf obj $PROGS/tc_pass.o sec classifier skip_sw da
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc filter add dev eth1 egress bpf skip_sw classid 1:5
ip link show eth2
echo "4 1" > /sys/bus/netdevsim/new_device
ip link set eth3 up
cat /sys/kernel/debug/netdevsim/netdevsim4/bpf_bound_progs/1/state
ethtool -K eth9 hw-tc-offload on
tc filter add block 2 pref 2 bpf da obj $PROGS/tc_pass.o sec classifier skip_hw
echo N > /sys/kernel/debug/netdevsim/netdevsim3/ports/0/bpf_xdpoffload_accept
tc filter add dev eth3 ingress prio 3 protocol 802.1q u32 match u32 0 0
