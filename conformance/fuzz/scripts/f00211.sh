# offload fuzz seed 211
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
tc qdisc add dev eth0 ingress
tc -d filter show dev eth1 root
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc qdisc show dev eth0
tc qdisc add dev eth0 ingress_block 2 egress_block 2 clsact
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
tc filter get dev eth1 ingress protocol all pref 10 handle 2 bpf
tc filter del block 1 prio 10 handle 2 bpf
tc filter replace dev eth0 ingress prio 10 handle 0x20 bpf bytecode '1,6 0 0 0,'
tc filter add dev eth1 ingress pref 49152 handle 1 bpf obj $PROGS/tc_classid.o sec tc action pass skip_sw
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter get block 1 protocol all pref 5 handle 2 bpf
tc filter add dev eth0 egress prio 1 bpf bytecode '1,6 0 0 1,' skip_sw
tc filter add dev eth0 ingress pref 5 handle 0x20 bpf obj $PROGS/tc_classid.o skip_sw da
ethtool -K eth0 tc-offload on
tc filter add dev eth1 egress prio 5 bpf obj $PROGS/tc_classid.o skip_hw da action pipe
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
