# offload fuzz seed 147
echo "1 1" > /sys/bus/netdevsim/new_device
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 7 ingress
tc qdisc change dev eth1 ingress
ip link set eth0 up
tc filter replace dev eth0 ingress prio 2 handle 0x20 protocol arp bpf obj $PROGS/tc_pass.o skip_sw da
tc filter add block 9 pref 1 handle 7 protocol ipv6 bpf bytecode '1,6 0 0 1,' skip_sw
tc -s -j filter show block 7
tc -p -j filter show dev eth1 ingress
tc qdisc change dev eth1 ingress_block 7 egress_block 2 clsact
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00147_0 type classifier dev eth1
tc chain show dev eth0 parent ffff:
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_accept
tc filter add block 7 pref 49152 bpf da obj $PROGS/tc_pass.o
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc chain show block 7
tc qdisc replace dev eth1 ingress_block 5 clsact
tc qdisc del dev eth0 ingress
tc filter add dev eth1 parent ffff: pref 3 bpf obj $PROGS/tc_pass.o sec classifier skip_sw da
tc qdisc del dev eth1 clsact
tc filter show dev eth9 ingress chain 2
ip link set dev eth1 down
tc qdisc show dev eth0
tc filter add dev eth1 parent ffff: bpf bytecode '1,6 0 0 0,' skip_sw da classid 1:4
tc filter show dev eth0 ingress
ip link set eth1 down
tc filter show dev nosuch ingress
tc filter get dev eth1 egress protocol all pref 3 handle 1 bpf
