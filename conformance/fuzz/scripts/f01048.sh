# offload fuzz seed 1048
echo "1 1" > /sys/bus/netdevsim/new_device
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 2 ingress
tc filter del block 2 prio 2
tc filter add block 2 chain 2 prio 1 handle 1 bpf bytecode '1,6 0 0 2,'
ip link set eth0 up
tc qdisc del dev eth0 ingress
tc filter replace dev eth0 ingress pref 1 handle 0x20 bpf bytecode '1,6 0 0 2,' skip_hw da
tc filter add dev eth0 ingress prio 2 bpf obj $PROGS/tc_classid.o skip_sw da
tc filter replace dev eth0 egress prio 1 handle 1 bpf bytecode '1,21 0 5 0,'
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter add dev eth0 ingress preference 49152 bpf bytecode '1,6 0 0 0,' action jump 1 action drop
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
ip -force link set dev eth1 xdpoffload obj $PROGS/xdp_pass.o sec nosuch
ethtool -K eth0 hw-tc-offload off
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter replace dev eth0 egress chain 2 prio 2 handle 1 bpf obj $PROGS/tc_classid.o action pass
cat /sys/bus/netdevsim/del_device
tc qdisc add dev eth1 ingress_block 1 clsact
tc filter get dev eth1 egress protocol all pref 49152 handle 1 bpf
