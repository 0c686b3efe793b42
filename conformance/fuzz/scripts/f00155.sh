# offload fuzz seed 155
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 1 egress_block 2 clsact
tc qdisc add dev eth1 ingress_block 5 egress_block 3 clsact
tc qdisc add dev eth0 ingress
tc filter delete dev eth0 ingress chain 0 prio 10
tc filter del dev eth1 ingress prio 1
tc filter add dev eth0 parent ffff: pref 10 bpf bytecode '1,6 0 0 2,' skip_sw da action gact drop
tc -j filter show block 5
tc filter add dev eth1 ingress pref 5 bpf skip_sw
tc qdisc add dev eth1 egress_block 3 clsact
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
cat /sys/kernel/debug/netdevsim/netdevsim2/bpf_bound_progs/1/state
tc filter replace dev eth1 ingress pref 5 bpf bytecode '1,6 0 0 0,' skip_sw da
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc filter show dev eth2 ingress
tc filter show dev eth0 ingress
tc filter add block 1 prio 10 bpf obj $PROGS/tc_classid.o
tc filter show dev eth0 ingress
tc filter delete block 9 prio 1
ethtool -K eth0 tc-offload on
tc filter add dev eth2 parent ffff: pref 2 matchall action drop
tc filter show dev eth0 ingress
cat /sys/kernel/debug/netdevsim/netdevsim3/ports/0/bpf_offloaded_id
tc -p -j filter show dev eth1 ingress
tc -j filter show dev eth1 ingress
tc filter replace dev eth2 ingress chain 1 pref 1 handle 0x20 bpf bytecode '1,6 0 0 4294967295,' skip_sw
tc qdisc add dev eth1 clsact
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
echo "4 1" > /sys/bus/netdevsim/new_device
ip link set eth3 up
ethtool -K eth3 hw-tc-offload on
tc filter add block 7 chain 1 prio 49152 handle 0x20 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_hw
tc filter add block 2 pref 10 handle 2 bpf obj /nonexistent.o skip_sw
