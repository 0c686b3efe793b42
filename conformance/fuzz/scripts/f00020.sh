# offload fuzz seed 20
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
tc qdisc add dev eth0 ingress_block 7 ingress
tc qdisc add dev eth1 clsact
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
tc filter add block 7 prio 1 handle 2 bpf bytecode '1,6 0 0 0,' skip_hw
ip link set dev eth1 up
echo 2 > /sys/bus/netdevsim/del_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload off
tc qdisc replace dev eth0 ingress
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc -p -j qdisc show dev eth0 clsact
ip link set dev eth1 up
tc filter replace block 7 pref 1 handle 0x20 bpf bytecode '1,6 0 0 0,6 0 0 0,' skip_sw classid 1:2 action gact drop
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00020_0 type classifier
tc filter add dev eth0 ingress pref 49152 handle 0x20 bpf bytecode '1,6 0 0 0,' skip_sw action continue
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
echo "4 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc chain show block 7
tc filter del dev eth0 ingress prio 49152
echo "5 1" > /sys/bus/netdevsim/new_device
ip link set eth3 up
ethtool -K eth3 hw-tc-offload on
tc filter replace dev eth3 egress bpf da obj $PROGS/tc_classid.o
echo Y > /sys/kernel/debug/netdevsim/netdevsim5/ports/0/bpf_xdpoffload_accept
tc qdisc replace dev eth2 egress_block 3 clsact
ip link set eth1 down
tc filter change block 3 pref 1 handle 0x20 bpf obj $PROGS/xdp_pass.o sec xdp skip_sw
tc filter add block 7 prio 49152 bpf obj $PROGS/tc_classid.o sec tc skip_sw skip_sw classid 1:9
tc qdisc add dev eth2 ingress_block 5 ingress
echo 0 > /sys/kernel/debug/netdevsim/netdevsim5/ports/0/bpf_tc_accept
ethtool -K eth0 hw-tc-offload off
ip link set dev eth0 xdpoffload off
cat /sys/kernel/debug/netdevsim/netdevsim4/bpf_bind_accept
