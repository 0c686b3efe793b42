# offload fuzz seed 29
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc qdisc replace dev eth1 ingress
tc filter replace dev eth2 parent ffff: prio 3 handle 7 bpf obj $PROGS/tc_pass.o sec classifier skip_hw
tc filter add dev eth1 egress prio 49152 handle 1 bpf bytecode '1,6 0 0 4294967295,' skip_sw
tc filter del dev eth0 ingress chain 0 prio 3 handle 1 bpf
tc filter add dev eth0 ingress prio 3 handle 1 bpf obj $PROGS/tc_pass.o skip_sw
tc filter show dev eth0 ingress
tc -d qdisc show dev eth1
tc -j filter show dev eth0 egress chain 2
echo x > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
ethtool -k eth0
ip link set dev eth0 xdpoffload off
tc -p -j filter show dev eth1 ingress
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f00029_0 type classifier
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
echo Y > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_accept
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
tc -p -j filter show dev eth1 ingress
tc filter del dev eth0 ingress prio 2
echo 0 > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_non_bound_accept
tc filter replace dev eth0 ingress prio 5 handle 0x20 bpf bytecode '1,6 0 0 0,'
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter add dev eth0 ingress prio 49152 bpf bytecode '1,6 0 0 2,' action drop
tc qdisc replace dev eth2 ingress_block 2 clsact
tc filter replace dev eth2 ingress pref 2 bpf obj $PROGS/tc_classid.o sec tc skip_sw
tc filter del dev eth2 ingress prio 2
echo "4 1" > /sys/bus/netdevsim/new_device
ip link set eth3 up
ethtool -K eth3 hw-tc-offload on
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
tc qdisc replace dev eth2 ingress
