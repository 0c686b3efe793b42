# offload fuzz seed 163
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 2" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
ip link add vethA type veth peer name vethB
ip link set vethA up
echo "3 1" > /sys/bus/netdevsim/new_device
ethtool -K eth3 hw-tc-offload on
tc qdisc add dev eth1 ingress_block 2 ingress
tc qdisc add dev eth2 ingress
tc qdisc add dev vethA ingress_block 1 ingress
tc qdisc add dev vethB clsact
tc qdisc change dev eth3 ingress_block 5 clsact
echo N > /sys/kernel/debug/netdevsim/netdevsim2/bpf_bind_accept
echo "4 1" > /sys/bus/netdevsim/new_device
ip link set eth4 up
echo x > /sys/kernel/debug/netdevsim/netdevsim2/bpf_bind_accept
tc filter del block 1
tc qdisc del dev eth1 ingress
echo 0 > /sys/kernel/debug/netdevsim/netdevsim3/ports/0/bpf_tc_accept
tc qdisc del dev eth1 clsact
tc qdisc add dev vethA ingress
tc filter add block 9 prio 1 handle 2 bpf obj $PROGS/tc_pass.o skip_hw da
tc qdisc add dev eth1 ingress_block 7 clsact
tc filter show dev vethA parent ffff:
tc qdisc show dev eth2
tc filter replace block 1 pref 1 handle 2 matchall skip_sw action drop
echo 4 > /sys/bus/netdevsim/del_device
tc chain show dev eth2 ingress
tc -j filter show block 2
echo 1 > /sys/bus/netdevsim/del_device
tc filter show block 1
tc -j filter show block 1
tc filter add block 2 pref 5 handle 0x20 protocol ip bpf bytecode '1,6 0 0 0,' skip_sw
tc filter add dev eth1 ingress pref 1 handle 7 bpf bytecode '1,6 0 0' skip_sw classid 1:3
echo N > /sys/kernel/debug/netdevsim/netdevsim2/bpf_bind_accept
