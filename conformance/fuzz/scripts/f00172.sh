# offload fuzz seed 172
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 5 clsact
tc filter add dev eth0 ingress prio 49152 bpf obj $PROGS/tc_pass.o skip_hw
tc qdisc del dev eth0 clsact
tc filter show dev eth0 ingress
tc filter add dev eth0 parent ffff:fff3 prio 1 bpf da obj $PROGS/tc_classid.o skip_sw
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter replace dev eth0 parent 1: prio 49152 handle 0x20 bpf bytecode '1,6 0 0 0,' skip_sw
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter get dev eth0 ingress protocol all pref 1 handle 1 bpf
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec nosuch
tc filter add dev eth0 ingress pref 5 bpf skip_sw
tc filter add dev eth0 ingress chain 2 handle 0x20 protocol arp bpf bytecode '1,6 0 0 1,' skip_sw classid 1:7 action gact pass index 3
tc filter get dev eth0 parent ffff: protocol all pref 49152 handle 1 bpf
tc filter add block 1 chain 1 prio 3 handle 7 bpf obj $PROGS/tc_classid.o da
ethtool -K eth0 hw-tc-offload off
tc qdisc del dev eth0 clsact
tc -d filter show dev eth0 egress
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc filter change dev eth1 root prio 1 protocol ipv6 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw da classid 1:9
echo Y > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_accept
ip link set dev eth0 xdpoffload off
tc chain show dev eth0 ingress
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
tc filter add dev eth1 parent ffff: pref 2 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw da
ethtool -K eth0 hw-tc-offload off
