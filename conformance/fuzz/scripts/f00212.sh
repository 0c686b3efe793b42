# offload fuzz seed 212
echo "1 2" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
ip link add vethA type veth peer name vethB
tc qdisc replace dev eth0 ingress_block 5 ingress
tc qdisc add dev eth1 ingress_block 7 ingress
tc qdisc add dev vethA ingress
tc qdisc replace dev vethB ingress
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter change block 7 prio 1 handle 0x20 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw skip_hw
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc qdisc add dev eth0 egress_block 2 clsact
tc qdisc add dev eth0 egress_block 3 clsact
tc filter del dev eth1 ingress prio 1
tc chain show block 5
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00212_0 type classifier dev eth1
ethtool -k vethB
tc filter del block 5
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f00212_1 type classifier
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
echo N > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_accept
tc filter show dev vethA parent ffff:
tc filter replace dev eth1 egress chain 2 handle 0x20 bpf
ethtool -k eth1
tc qdisc add dev eth1 ingress_block 7 clsact
