# offload fuzz seed 1025
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 1 ingress
echo 1 > /sys/bus/netdevsim/del_device
tc qdisc add dev eth0 ingress_block 5 ingress
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc -j qdisc show dev eth9
tc filter show dev nosuch parent ffff:
tc filter replace dev nosuch parent ffff: chain 0 prio 49152 handle 1 bpf bytecode '1,6 0 0 1,' skip_sw
tc qdisc del dev eth0 clsact
tc filter get dev eth9 egress protocol all pref 5 handle 1 bpf
echo 99 > /sys/bus/netdevsim/del_device
tc filter add dev nosuch parent ffff: handle 1 bpf bytecode '1,6 0 0 2,' skip_sw action pass
cat /sys/bus/netdevsim/new_device
tc filter add dev eth9 ingress prio 3 bpf obj $PROGS/tc_classid.o sec tc flowid 1:3
tc -s qdisc show dev eth9 clsact
tc qdisc add dev eth0 ingress
tc filter replace dev eth9 ingress pref 1 handle 1 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
