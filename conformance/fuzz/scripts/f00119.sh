# offload fuzz seed 119
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 2" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 5 clsact
tc qdisc add dev eth1 ingress
ip -j link show eth0
tc qdisc add dev eth2 ingress_block 2 ingress
tc qdisc del dev eth1 ingress
tc filter replace dev eth0 ingress prio 5 handle 0x20 bpf obj $PROGS/tc_pass.o sec classifier skip_sw da
ip -j link show eth2
tc -j filter show block 2
tc filter show block 9 prio 5
ip link show eth9
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
tc filter replace block 1 chain 2 pref 10 handle 1 bpf bytecode '1,6 0 0 2,' skip_sw da
tc -j filter get dev eth0 ingress protocol all pref 10 handle 0x20 bpf
ethtool -K eth1 hw-tc-offload off
tc filter del block 5 prio 10 handle 2 bpf
tc qdisc add dev eth2 clsact
tc filter get block 2 protocol all pref 5 handle 0x20 bpf
tc filter add dev eth0 egress bpf bytecode '1,6 0 0 1,' skip_hw
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/1/bpf_offloaded_id
tc qdisc change dev eth1 ingress_block 5 clsact
tc filter add block 2 prio 49152 handle 1 bpf bytecode '1,6 0 0 2,'
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00119_0 type classifier
tc filter add block 5 pref 1 bpf bytecode '1,6 0 0 4294967295,' skip_sw
tc filter delete block 5 prio 1
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
