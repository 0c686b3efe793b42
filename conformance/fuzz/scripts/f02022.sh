# offload fuzz seed 2022
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ethtool -K eth1 hw-tc-offload on
echo N > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_xdpoffload_accept
tc -s -d -j filter show dev eth1 ingress
tc filter add dev eth1 ingress pref 3 protocol ip bpf obj $PROGS/tc_classid.o skip_hw da
tc -s -d -j filter show dev eth0 ingress
tc filter add dev eth1 ingress bpf bytecode '1,6 0 0 2,' skip_sw
tc filter add dev eth1 ingress prio 2 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
tc filter add dev eth9 ingress prio 49152 bpf bytecode '1,6 0 0 0,'
tc filter del dev eth1 ingress
tc filter replace block 7 priority 49152 bpf obj $PROGS/tc_classid.o sec tc action jump 1 action drop skip_sw
tc filter replace dev eth1 ingress pref 3 handle 1 bpf skip_sw skip_hw
tc qdisc replace dev eth0 ingress_block 1 ingress
tc -s -d -j filter show dev eth0 ingress
tc filter get block 1 protocol all pref 2 handle 1 bpf
tc filter replace dev nosuch egress priority 3 bpf object-file $PROGS/tc_pass.o section classifier action trap
tc chain show block 1
echo 2 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_xdpoffload_accept
tc filter add block 1 pref 49152 handle 1 protocol ip bpf obj $PROGS/tc_classid.o sec tc skip_sw
tc filter show dev eth0 parent ffff:
tc filter add dev eth1 ingress pref 5 bpf obj $PROGS/tc_classid.o sec tc action gact reclassify index 5 skip_hw
