# offload fuzz seed 42
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ip link add vethA type veth peer name vethB
ip link set vethA up
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc qdisc add dev eth0 egress_block 2 clsact
tc qdisc add dev eth1 ingress_block 7 egress_block 3 clsact
tc qdisc add dev eth2 ingress
tc qdisc add dev eth0 ingress_block 1 ingress
tc filter show dev vethA ingress
tc filter add dev vethB root pref 1 handle 1 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_hw
tc filter change block 3 pref 1 handle 1 bpf bytecode '1,6 0 0 4294967295,'
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
tc filter del dev vethA egress prio 1 handle 1 bpf
cat /sys/kernel/debug/netdevsim/netdevsim3/ports/0/bpf_offloaded_id
tc -s -j filter show dev eth1 parent ffff:fff3 chain 1
tc qdisc add dev eth1 ingress_block 5 ingress
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f00042_0 type classifier
tc -d filter show block 7
tc qdisc add dev eth1 ingress
tc filter add block 3 prio 49152 bpf obj $PROGS/tc_classid.o skip_sw da
ip link del vethA
tc filter del block 3 prio 1
tc qdisc add dev eth0 ingress_block 1 clsact
tc -j filter get block 3 protocol all pref 49152 handle 0x20 bpf
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_non_bound_accept
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter del dev eth2 parent ffff:fff3 chain 0 prio 1
tc qdisc add dev eth2 ingress_block 5 clsact
