# offload fuzz seed 52
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 2" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ip link set eth2 up
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth3 up
ethtool -K eth3 hw-tc-offload on
echo "4 1" > /sys/bus/netdevsim/new_device
ip link set eth4 up
ethtool -K eth4 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 1 ingress
tc qdisc add dev eth4 ingress_block 2 ingress
tc filter add dev eth3 ingress pref 5 handle 1 bpf obj $PROGS/tc_classid.o sec tc skip_sw da
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00052_0 type classifier
tc filter add dev eth3 egress chain 2 prio 49152 protocol ipv6 bpf bytecode '2,177 0 0 0,6 0 0 0,' da skip_hw
tc filter add block 1 handle 2 bpf bytecode '1,6 0 0 2,' skip_sw da
tc filter show dev eth3 egress
tc filter replace dev eth4 ingress pref 5 protocol 802.1q bpf bytecode '1,6 0 0 0,6 0 0 0,' skip_hw classid 1:5
echo "5 1" > /sys/bus/netdevsim/new_device
ip link set eth5 up
ethtool -K eth5 hw-tc-offload on
tc filter show block 1
tc filter change dev eth4 ingress chain 1 prio 5 handle 2 bpf bytecode '1,6 0 0 1,' skip_sw
tc filter add block 2 pref 5 bpf bytecode '1,6 0 0 4294967295,' skip_sw
cat /sys/kernel/debug/netdevsim/netdevsim4/ports/1/bpf_offloaded_id
tc qdisc add dev eth5 egress_block 3 clsact
tc filter replace dev eth5 ingress pref 5 handle 2 bpf bytecode '1,6 0 0 0,' skip_sw classid 1:2
tc filter add dev eth4 parent 1: protocol arp bpf bytecode '1,6 0 0 4294967295,' skip_sw skip_sw
tc qdisc add dev eth0 ingress_block 7 clsact
tc filter delete dev eth5 ingress prio 49152 handle 2 bpf
tc -d filter show dev eth2 egress
tc filter add block 3 prio 2 handle 0x20 protocol 802.1q bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
echo Y > /sys/kernel/debug/netdevsim/netdevsim5/ports/0/bpf_tc_accept
tc filter del block 2 prio 2 handle 2 bpf
tc qdisc add dev eth0 clsact
