# offload fuzz seed 227
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 2 clsact
tc filter replace block 2 prio 3 handle 7 protocol all bpf bytecode '1,6 0 0 4294967295,' action continue
tc filter add block 2 pref 49152 protocol all bpf obj /nonexistent.o skip_sw
tc filter add dev eth0 ingress prio 5 protocol arp bpf obj $PROGS/tc_pass.o skip_sw classid 1:8
tc filter get dev eth0 parent ffff: protocol all pref 49152 handle 2 bpf
tc filter change dev eth0 ingress chain 0 handle 1 bpf bytecode '1,6 0 0 2,'
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter replace block 2 pref 49152 handle 2 flower
tc filter change dev eth0 ingress prio 5 handle 2 bpf bytecode '1,6 0 0 2,' skip_sw da
tc -s -j filter show dev eth0 root chain 2
tc -j filter show block 2
