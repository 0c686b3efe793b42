# offload fuzz seed 2001
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 2" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 5 clsact
tc qdisc add dev eth1 ingress_block 2 clsact
ip link set dev eth0 xdpoffload off
tc qdisc del dev eth1 clsact
tc filter add block 5 pref 3 handle 1 bpf obj $PROGS/tc_classid.o da
ip link set eth1 up
tc qdisc show dev eth0
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
ip link set dev eth2 xdpoffload obj $PROGS/xdp_pass.o sec xdp
tc qdisc del dev eth2 ingress
tc filter change dev eth0 egress prio 3 handle 1 bpf skip_sw
tc qdisc add dev eth0 clsact
tc qdisc show dev eth1
tc filter get block 5 protocol all pref 3 handle 2 bpf
tc filter show dev eth0 parent ffff:
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/1/bpf_offloaded_id
tc filter replace block 5 pref 3 handle 1 bpf bytecode '1,6 0 0 1,'
tc filter add dev eth2 parent ffff: pref 1 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_hw
tc filter add dev eth1 ingress pref 1 handle 7 bpf bytecode '2,177 0 0 0,6 0 0 0,'
