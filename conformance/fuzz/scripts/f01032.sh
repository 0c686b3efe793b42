# offload fuzz seed 1032
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 5 ingress
tc filter add dev eth0 ingress prio 2 handle 2 bpf bytecode '1,6 0 0 4294967295,' skip_hw
tc filter add dev eth0 ingress pref 3 handle 1 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
tc filter add dev eth0 root pref 2 bpf bytecode '1,6 0 0 0,' skip_sw
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
ip link set eth1 up
tc filter get block 5 protocol all pref 3 handle 2 bpf
tc filter add block 5 prio 5 bpf bc '1,6 0 0 0,'
echo N > /sys/kernel/debug/netdevsim/netdevsim2/bpf_bind_accept
tc filter replace dev eth0 egress pref 5 handle 0x20 bpf bytecode '1,6 0 0 2,' skip_sw da
tc filter add block 5 prio 2 protocol 802.1q bpf obj $PROGS/tc_pass.o skip_sw skip_hw
tc filter replace block 5 preference 1 bpf bytecode '1,6 0 0 0,' action trap
tc filter show block 1
tc filter add dev eth1 ingress chain 1 prio 1 handle 1 bpf obj $PROGS/tc_classid.o skip_hw da
tc filter show dev nosuch egress
tc filter show block 5 chain 0
tc chain show dev eth0 ingress
echo 2 > /sys/bus/netdevsim/del_device
tc filter delete block 5 prio 2 handle 1 bpf
tc -s -d -j filter show dev eth0 ingress
tc -d filter show dev eth0 egress chain 2
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter add dev eth0 ingress pref 49152 handle 0x20 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
cat /sys/bus/netdevsim/del_device
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec nosuch
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
