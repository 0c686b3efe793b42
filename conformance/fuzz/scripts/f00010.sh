# offload fuzz seed 10
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
ip link add vethA type veth peer name vethB
ip link set vethA up
tc qdisc add dev eth0 clsact
tc qdisc add dev eth1 ingress_block 7 ingress
tc filter add block 7 prio 3 bpf obj $PROGS/tc_pass.o skip_sw da action pipe
tc filter add dev vethB ingress prio 5 handle 2 bpf bytecode '1,6 0 0 1,' da
ip link set dev eth1 xdpoffload obj $PROGS/xdp_pass.o sec xdp
tc qdisc add dev eth0 ingress_block 7 ingress
ip link set vethB down
tc qdisc del dev eth0 clsact
tc filter add dev vethB ingress protocol all bpf bytecode '1,6 0 0 2,' skip_sw da
tc chain show block 7
tc -j qdisc show dev eth1
tc filter get dev eth1 parent ffff: protocol all pref 3 handle 0x20 bpf
tc filter show block 7
echo 2 > /sys/bus/netdevsim/del_device
tc -d filter show dev vethA egress
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bound_progs/1/state
tc filter show dev vethA ingress
tc filter delete dev vethA ingress prio 3
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc qdisc del dev vethA clsact
tc filter delete dev eth0 ingress prio 10 handle 1 bpf
ethtool -K eth0 hw-tc-offload off
tc qdisc show dev eth0
