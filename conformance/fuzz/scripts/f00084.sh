# offload fuzz seed 84
echo "1 2" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ethtool -K eth1 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc qdisc add dev eth0 ingress
tc qdisc add dev eth1 ingress_block 7 clsact
tc qdisc add dev eth2 ingress_block 1 ingress
tc qdisc add dev eth1 ingress
tc filter add dev eth2 root pref 10 handle 7 bpf da skip_sw obj $PROGS/tc_pass.o sec classifier
ethtool -K eth1 tc-offload off
tc filter add dev eth1 egress prio 49152 bpf obj $PROGS/tc_pass.o skip_sw classid 1:1
tc filter del block 1
tc filter add dev eth0 ingress prio 10 protocol ipv6 bpf bytecode '1,6 0 0 2,' skip_sw
echo 2 > /sys/bus/netdevsim/del_device
tc filter delete block 7 prio 10
tc filter del block 7 prio 49152
echo 0 > /sys/kernel/debug/netdevsim/netdevsim2/ports/1/bpf_tc_accept
tc filter add dev eth1 ingress pref 1 bpf obj $PROGS/tc_pass.o skip_sw da action continue
tc filter del dev eth0 ingress prio 2 handle 0x20 bpf
tc filter replace block 1 handle 0x20 bpf obj $PROGS/tc_classid.o skip_sw da action gact reclassify
