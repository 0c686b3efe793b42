# offload fuzz seed 58
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc filter change block 2 pref 49152 handle 1 bpf bytecode '1,6 0 0 1,' skip_hw
tc filter add dev eth0 parent ffff: pref 10 bpf bytecode '1,6 0 0 2,' skip_sw
ethtool -K eth1 hw-tc-offload off
tc filter add dev eth0 ingress prio 1 bpf obj $PROGS/tc_pass.o skip_hw
tc filter add dev eth0 ingress chain 1 prio 1 handle 1 bpf obj $PROGS/tc_classid.o
tc -j filter show dev eth0 ingress
tc -s qdisc show dev eth0
ip link set dev eth1 down
ethtool -K eth1 hw-tc-offload off
tc filter add dev eth0 ingress prio 5 bpf obj $PROGS/tc_pass.o verbose skip_hw da classid 1:6
tc filter replace dev eth9 ingress pref 49152 handle 2 bpf obj $PROGS/tc_pass.o sec classifier skip_sw da
tc -p -j filter show dev eth1 ingress
ethtool -K eth1 hw-tc-offload off
tc filter show dev eth0 ingress
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_xdpoffload_accept
tc filter del dev eth0 parent ffff:
echo 2 > /sys/bus/netdevsim/del_device
echo "3 1" > /sys/bus/netdevsim/new_device
ethtool -K eth1 hw-tc-offload on
tc filter del dev eth1 ingress
cat /sys/kernel/debug/netdevsim/netdevsim2/bpf_bound_progs/1/state
tc -s -d filter show block 2
tc qdisc show dev eth1
tc -s qdisc show dev eth0
tc qdisc del dev eth1 clsact
