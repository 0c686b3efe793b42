# offload fuzz seed 1018
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc filter replace dev eth0 ingress preference 2 bpf obj $PROGS/tc_classid.o sec tc classid 1:7 skip_sw
tc -s -j filter show dev eth0 ingress
tc filter add dev eth0 egress chain 2 pref 2 handle 0x20 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
tc filter add dev eth0 root pref 3 handle 2 bpf skip_hw obj $PROGS/tc_classid.o sec tc
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
tc chain show dev eth0 egress
tc filter delete dev eth1 ingress prio 49152 handle 0x20 bpf
tc filter add dev eth0 parent ffff: pref 1 u32 match u32 0 0
tc filter replace dev eth0 egress pref 2 handle 2 bpf skip_sw action gact reclassify bytecode '1,6 0 0 4294967295,'
tc qdisc add dev eth0 ingress_block 7 clsact
tc -s -d filter show dev eth1 ingress prio 49152
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter replace dev eth0 ingress bpf obj /nonexistent.o
tc filter delete block 7 prio 49152 handle 0x20 bpf
bpftool -p prog show pinned /sys/fs/bpf/none
ip link set dev eth1 xdpoffload obj $PROGS/xdp_pass.o sec xdp
