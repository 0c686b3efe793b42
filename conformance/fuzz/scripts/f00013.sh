# offload fuzz seed 13
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ip link add vethA type veth peer name vethB
ip link set vethA up
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 1 ingress
tc qdisc replace dev vethB clsact
ip link show eth1
tc qdisc show dev vethB
tc filter show block 1
ethtool -K vethB hw-tc-offload off
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
echo N > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_non_bound_accept
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc qdisc add dev vethB ingress
tc filter add block 1 prio 10 handle 0x20 protocol ipv6 bpf obj $PROGS/tc_pass.o sec classifier skip_sw classid 1:6
tc qdisc add dev eth1 ingress
tc filter add block 1 pref 2 bpf bytecode '1,6 0 0 2,' skip_sw da action drop
tc qdisc add dev vethB egress_block 2 clsact
tc filter replace block 1 pref 2 handle 0x20 protocol all bpf bytecode '1,4 0 0 0,'
ip -force link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc qdisc add dev eth0 ingress_block 5 ingress
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00013_0 type classifier dev eth1
tc filter add dev vethB parent 1: pref 1 handle 0x20 bpf bytecode '1,6 0 0 1,' classid 1:1
echo 2 > /sys/bus/netdevsim/del_device
echo 1 > /sys/bus/netdevsim/del_device
tc filter add dev vethB ingress prio 5 protocol all bpf bytecode '1,6 0 0 0,' skip_hw
tc qdisc show
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_xdpoffload_accept
tc filter add dev vethB egress handle 1 protocol ip matchall action drop
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
