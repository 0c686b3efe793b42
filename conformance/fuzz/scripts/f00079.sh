# offload fuzz seed 79
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 egress_block 3 clsact
tc qdisc del dev eth0 clsact
tc filter add dev eth0 root prio 2 u32 match u32 0 0
tc filter add dev eth0 ingress handle 1 bpf classid 1:9 bytecode '2,177 0 0 0,6 0 0 0,'
ip link show eth0
tc filter show dev eth0 egress
tc -s filter show dev eth0 egress
tc filter show dev eth0 ingress chain 1
echo 1 > /sys/bus/netdevsim/del_device
tc -s qdisc show dev eth9 ingress
tc filter del dev eth9 egress prio 2
tc -s filter show dev nosuch ingress
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc -s -j filter show dev nosuch parent ffff:fff3
tc filter delete dev eth9 ingress prio 2 handle 0x20 bpf
tc filter show dev eth9 parent ffff:fff3
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc qdisc del dev eth0 ingress
tc qdisc add dev eth0 ingress_block 1 ingress
ip link set eth9 up
tc qdisc show dev eth9
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f00079_0 type classifier
