# offload fuzz seed 23
echo "1 2" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 1 clsact
tc qdisc add dev eth1 ingress_block 2 ingress
tc qdisc change dev eth1 ingress
tc filter add dev eth2 ingress prio 10 handle 1 bpf obj $PROGS/xdp_pass.o sec xdp skip_hw
tc qdisc add dev eth1 ingress_block 7 egress_block 7 clsact
tc filter add block 1 chain 1 prio 2 bpf obj /nonexistent.o skip_hw classid 1:1
tc filter add dev eth1 ingress chain 2 prio 3 handle 2 bpf bytecode '1,6 0 0 4294967295,' skip_hw
tc qdisc show dev eth1
tc filter add block 7 handle 1 bpf bytecode '1,6 0 0 4294967295,' skip_sw skip_hw da classid 1:3
tc filter add dev eth0 ingress protocol arp bpf bytecode '1,6 0 0' skip_sw action pipe
tc filter del dev eth1 ingress prio 3
tc -p -j filter show dev eth1 ingress
ethtool -k eth1
tc qdisc add dev eth1 ingress_block 5 clsact
tc filter add dev eth1 ingress prio 1 bpf bytecode '2,177 0 0 0,6 0 0 0,'
tc filter add block 1 prio 2 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
tc qdisc add dev eth2 clsact
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/1/bpf_tc_accept
tc qdisc add dev eth0 ingress_block 7 ingress
ip link set dev eth1 xdpoffload off
tc filter show dev eth0 egress
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f00023_0 type classifier
tc filter add dev eth2 ingress pref 49152 handle 1 bpf bytecode '1,6 0 0 0,' skip_hw
