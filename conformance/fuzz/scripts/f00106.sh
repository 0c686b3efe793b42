# offload fuzz seed 106
echo "1 2" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 7 clsact
tc qdisc add dev eth1 ingress
tc qdisc add dev eth2 ingress
tc -s filter show dev eth1 root
tc qdisc add dev eth2 ingress_block 2 ingress
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/1/bpf_offloaded_id
tc -d filter show block 7
tc qdisc del dev eth2 ingress
echo 0 > /sys/kernel/debug/netdevsim/netdevsim2/bpf_bind_accept
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/1/bpf_offloaded_id
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_accept
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 1 clsact
tc qdisc del dev eth0 clsact
tc filter del dev eth0 ingress prio 2
tc -s filter show dev eth0 ingress
ip link set dev eth0 down
tc qdisc add dev eth1 clsact
ip -force link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec nosuch
tc filter add dev eth1 parent ffff: prio 10 bpf obj $PROGS/tc_pass.o sec classifier skip_sw
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter add dev eth0 ingress pref 10 bpf obj $PROGS/tc_classid.o sec tc da classid 1:3
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter delete block 7 prio 10 handle 1 bpf
