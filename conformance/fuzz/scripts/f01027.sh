# offload fuzz seed 1027
echo "1 2" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
ip link add vethA type veth peer name vethB
ip link set vethA up
tc qdisc add dev eth1 clsact
tc qdisc replace dev vethB ingress_block 1 clsact
ip link show lo
tc filter add dev vethA ingress pref 3 bpf obj $PROGS/tc_classid.o sec tc da action pass
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_xdpoffload_accept
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/1/bpf_tc_non_bound_accept
tc filter del block 1
tc filter add dev eth1 egress pref 49152 bpf bytecode '1,21 0 5 0,' skip_sw
ip link show nosuch
echo 1 > /sys/bus/netdevsim/del_device
tc qdisc del dev vethB clsact
tc filter add dev vethA ingress pref 5 bpf obj $PROGS/tc_pass.o skip_sw skip_hw da
tc filter add dev vethA ingress chain 0 prio 2 bpf classid 1:9 skip_sw da
echo 2 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
