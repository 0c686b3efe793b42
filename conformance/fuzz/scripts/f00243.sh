# offload fuzz seed 243
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
ip link add vethA type veth peer name vethB
tc qdisc add dev eth0 ingress_block 2 clsact
tc qdisc add dev eth2 ingress_block 1 egress_block 7 clsact
tc qdisc replace dev vethA ingress_block 5 egress_block 3 clsact
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
echo N > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_accept
ip link set vethA down
tc filter del dev eth0 egress prio 5 handle 1 bpf
tc filter del block 1 prio 5
tc filter change dev eth0 ingress pref 5 handle 1 bpf obj $PROGS/xdp_pass.o sec xdp skip_sw
ethtool -k eth2
tc filter replace dev eth2 ingress prio 5 handle 7 bpf bytecode '1,6 0 0 0,' skip_sw classid 1:1
echo 2 > /sys/bus/netdevsim/del_device
cat /sys/kernel/debug/netdevsim/netdevsim2/bpf_bound_progs/0/loaded
tc qdisc add dev vethA ingress_block 2 ingress
cat /sys/kernel/debug/netdevsim/netdevsim3/ports/0/bpf_offloaded_id
tc filter del dev vethA ingress prio 5
tc filter del block 7 prio 5
tc qdisc replace dev eth0 clsact
tc filter replace dev vethA egress prio 5 handle 2 protocol 802.1q bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw da
tc filter add block 5 pref 2 handle 7 bpf bytecode '1,6 0 0 0,' skip_sw skip_sw da classid 1:4
ip link set dev vethA xdpoffload off
tc qdisc replace dev vethB ingress
tc chain show block 1
tc filter delete dev vethA parent ffff:fff3 prio 5 handle 2 bpf
tc filter add dev vethB ingress prio 3 bpf obj $PROGS/tc_pass.o sec classifier skip_sw da
ethtool -K vethB hw-tc-offload off
tc filter show dev vethB ingress
tc qdisc add dev eth2 clsact egress_block 2
tc qdisc add dev eth0 ingress_block 7 clsact
