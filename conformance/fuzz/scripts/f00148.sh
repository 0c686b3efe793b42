# offload fuzz seed 148
echo "1 1" > /sys/bus/netdevsim/new_device
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 clsact
tc filter show dev nosuch parent ffff:fff3
echo 1 > /sys/bus/netdevsim/del_device
tc qdisc del dev eth0 clsact
tc -j filter show dev nosuch egress
echo N > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
tc filter change dev eth9 ingress prio 5 handle 7 protocol 802.1q bpf obj $PROGS/tc_classid.o skip_sw da classid 1:6
tc -j filter show dev eth9 ingress chain 0
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
tc filter add dev nosuch ingress chain 1 prio 1 bpf bytecode '1,6 0 0 0,' skip_sw
tc filter add dev eth9 ingress protocol 802.1q u32 match u32 0 0
tc -d qdisc show dev eth9
tc filter show dev eth9 ingress
tc qdisc show dev nosuch
tc filter replace dev eth9 parent ffff: prio 2 matchall skip_sw action drop
tc -d filter show dev nosuch egress
tc filter add block 7 prio 3 bpf skip_sw da
