# offload fuzz seed 51
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ip link add vethA type veth peer name vethB
ip link set vethA up
tc qdisc add dev eth0 clsact
tc qdisc replace dev vethB ingress_block 7 ingress
tc filter del block 7 prio 2
echo 1 > /sys/bus/netdevsim/del_device
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00051_0 type classifier
ip -j link show vethA
tc qdisc add dev vethB clsact
tc qdisc show dev vethB
ethtool -K vethB hw-tc-offload off
tc filter replace dev vethB egress pref 3 handle 2 bpf bytecode '2,6 0 0 0,' skip_sw action pass
tc qdisc add dev vethB clsact ingress_block 7
tc filter change dev vethB parent ffff: pref 3 handle 7 bpf bytecode '1,6 0 0 1,' skip_hw da
tc filter del block 7
tc filter del block 7
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
echo 2 > /sys/bus/netdevsim/del_device
