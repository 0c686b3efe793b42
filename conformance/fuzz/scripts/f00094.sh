# offload fuzz seed 94
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
tc qdisc add dev eth1 ingress
tc qdisc show dev eth1
tc filter change dev eth1 parent ffff:fff3 chain 2 prio 5 handle 0x20 protocol ip bpf obj $PROGS/tc_classid.o sec tc skip_sw
tc -s qdisc show dev eth0
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc qdisc add dev eth0 ingress
tc filter add dev eth1 egress prio 10 handle 2 protocol arp bpf bytecode '1,6 0 0 4294967295,' skip_sw da action pass
tc filter add dev eth0 parent ffff: pref 10 bpf obj $PROGS/tc_classid.o sec tc da
echo "3 1" > /sys/bus/netdevsim/new_device
ethtool -K eth2 hw-tc-offload on
ip link set dev eth2 xdpoffload off
tc filter get dev eth0 ingress protocol all pref 10 handle 2 bpf
tc filter replace dev eth1 egress pref 10 handle 0x20 bpf skip_sw bytecode '2,177 0 0 0,6 0 0 0,'
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
tc filter add dev eth2 egress pref 49152 protocol all bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
tc filter add dev eth2 ingress protocol 802.1q bpf skip_sw da bytecode '1,6 0 0 2,'
ip link set dev eth1 xdpoffload off
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
tc filter delete dev eth0 ingress chain 2 prio 5 handle 0x20 bpf
