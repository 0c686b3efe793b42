# offload fuzz seed 214
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc replace dev eth0 ingress_block 2 ingress
echo N > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_accept
tc -s -d filter show block 2
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload off
tc -s -j filter show block 7
tc qdisc add dev eth0 ingress_block 5 egress_block 2 clsact
echo 1 > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_accept
tc filter replace block 2 prio 49152 handle 2 bpf bytecode '1,6 0 0 0,' skip_hw
tc filter add block 2 prio 5 handle 0x20 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
tc qdisc replace dev eth1 egress_block 7 clsact
tc filter replace block 7 pref 49152 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_hw da classid 1:5
tc -s filter show dev eth1 root
