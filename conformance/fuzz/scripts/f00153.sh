# offload fuzz seed 153
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
echo "2 2" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
ip link set eth2 up
echo "3 2" > /sys/bus/netdevsim/new_device
ip link set eth3 up
ethtool -K eth3 hw-tc-offload on
ip link set eth4 up
ethtool -K eth4 hw-tc-offload on
tc qdisc add dev eth2 ingress_block 5 ingress
tc qdisc replace dev eth4 ingress
tc qdisc add dev eth3 ingress_block 7 egress_block 7 clsact
tc filter add dev eth1 ingress handle 7 bpf bytecode '1,6 0 0 0,6 0 0 0,' da
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/1/bpf_offloaded_id
cat /sys/kernel/debug/netdevsim/netdevsim3/ports/1/bpf_offloaded_id
tc chain show dev eth4 egress
tc filter add dev eth2 ingress pref 49152 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw da action gact drop
tc filter add block 7 prio 5 handle 7 protocol ipv6 bpf obj /nonexistent.o skip_sw
tc -j filter get dev eth1 ingress protocol all pref 49152 handle 0x20 bpf
tc qdisc show dev eth1
tc filter add dev eth4 ingress chain 0 pref 5 bpf bytecode '1,6 0 0 2,' skip_sw da action gact reclassify
echo 1 > /sys/kernel/debug/netdevsim/netdevsim2/bpf_bind_verifier_delay
tc -d filter show block 2
tc -s -j filter show block 7
ip link set dev eth2 xdpoffload off
ip link set dev eth4 xdpoffload off
