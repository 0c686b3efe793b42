# offload fuzz seed 96
echo "1 2" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc qdisc add dev eth0 clsact
tc qdisc add dev eth1 ingress
tc filter del dev eth0 parent 1: prio 10
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00096_0 type classifier
ip link set dev eth1 xdpoffload obj $PROGS/xdp_pass.o sec xdp
tc -s qdisc show dev eth0 clsact
tc filter del dev eth0 ingress chain 0 prio 1
tc filter add dev eth0 egress chain 1 prio 2 handle 2 bpf obj $PROGS/tc_pass.o sec classifier skip_sw classid 1:3
tc -j qdisc show dev eth0
tc filter add dev nosuch egress chain 0 pref 10 protocol all bpf bytecode '1,6 0 0 2,' skip_hw
echo 2 > /sys/bus/netdevsim/del_device
tc filter get dev eth0 ingress protocol all pref 1 handle 2 bpf
tc filter add dev eth1 ingress pref 3 bpf bytecode '1,6 0 0 1,' skip_sw
tc qdisc add dev eth0 egress_block 2 clsact
tc filter add dev eth0 ingress prio 2 bpf bytecode '1,6 0 0 2,' skip_sw action gact pass index 3
tc filter del dev eth1 ingress prio 3 handle 0x20 bpf
tc filter change dev eth1 ingress pref 1 handle 1 bpf bytecode '1,6 0 0 1,' skip_sw skip_sw
ip -force link set dev eth1 xdpoffload obj $PROGS/xdp_pass.o sec nosuch
tc filter add dev eth0 root pref 5 handle 2 protocol ipv6 bpf obj $PROGS/tc_pass.o da classid 1:1
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/1/bpf_offloaded_id
tc chain show dev eth0 ingress
tc filter change dev eth0 egress pref 5 handle 7 bpf bytecode '1,6 0 0 4294967295,' skip_sw
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
echo Y > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_non_bound_accept
tc filter add dev eth1 root chain 2 handle 0x20 bpf bytecode '1,6 0 0 1,' skip_sw
tc filter add dev eth1 ingress prio 49152 handle 2 bpf obj $PROGS/tc_classid.o sec tc da
tc -s filter show dev eth1 ingress
