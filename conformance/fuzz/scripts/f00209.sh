# offload fuzz seed 209
echo "1 1" > /sys/bus/netdevsim/new_device
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth0 ingress
tc qdisc add dev eth1 ingress_block 2 clsact
tc qdisc add dev eth1 ingress_block 7 egress_block 3 clsact
tc filter add dev eth1 root prio 2 protocol arp bpf obj $PROGS/tc_classid.o da
tc filter del dev eth0 ingress prio 2 handle 2 bpf
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_accept
tc filter show dev eth0 parent ffff:fff3
tc filter del block 2 chain 1
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter add block 2 prio 1 handle 2 protocol 802.1q bpf bytecode '1,6 0 0 0,' skip_sw
tc qdisc show dev eth0
tc filter add block 2 prio 5 bpf bytecode '1,6 0 0 1,'
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
ip link set dev eth1 xdpoffload off
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc -j filter show dev eth0 ingress chain 2
tc -d filter show block 2 chain 1
tc -j qdisc show dev eth0
