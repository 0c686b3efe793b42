# offload fuzz seed 8
echo "1 2" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 7 ingress
tc qdisc add dev eth1 ingress_block 7 clsact
echo 1 > /sys/bus/netdevsim/del_device
tc filter add dev nosuch ingress prio 5 protocol arp bpf obj $PROGS/tc_classid.o skip_sw classid 1:2
tc qdisc show dev nosuch
tc -j qdisc show dev eth9 ingress
tc filter replace dev eth9 parent ffff: pref 5 handle 2 bpf classid 1:8 obj $PROGS/tc_pass.o
tc -s qdisc show
tc filter add dev eth9 egress pref 3 handle 7 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc -s qdisc show dev eth9 ingress
tc filter add dev nosuch egress prio 49152 handle 7 u32 match u32 0 0
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc qdisc add dev eth0 ingress_block 1 ingress
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f00008_0 type classifier
