# offload fuzz seed 1007
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth0 egress_block 2 clsact
tc filter add dev eth1 egress prio 3 protocol all bpf obj $PROGS/tc_pass.o sec classifier skip_sw da
tc -s -d filter show block 7
tc qdisc add dev eth0 ingress_block 2 ingress
tc filter change dev eth0 ingress pref 3 handle 2 bpf bytecode '1,6 0 0 4294967295,' skip_sw
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
ip -p -j link show eth1
tc filter add block 2 prio 5 handle 7 protocol all bpf bytecode '2,177 0 0 0,6 0 0 0,'
cat /sys/kernel/debug/netdevsim/netdevsim2/bpf_bind_accept
tc filter add block 2 pref 2 handle 7 protocol ip bpf obj $PROGS/tc_pass.o skip_sw da
tc filter add block 2 pref 5 handle 0x20 bpf bytecode '1,6 0 0 4294967295,' skip_sw
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_accept
tc filter add dev eth1 root prio 10 protocol arp bpf obj $PROGS/tc_classid.o skip_hw da
