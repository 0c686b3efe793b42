# offload fuzz seed 177
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
echo "3 2" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ip link set eth3 up
ethtool -K eth3 hw-tc-offload on
echo "4 1" > /sys/bus/netdevsim/new_device
ip link set eth4 up
ethtool -K eth4 hw-tc-offload on
tc qdisc replace dev eth0 ingress_block 7 clsact
tc qdisc replace dev eth2 ingress
tc qdisc replace dev eth3 ingress
tc qdisc add dev eth4 ingress_block 7 ingress
tc qdisc add dev eth4 ingress_block 5 ingress
tc qdisc del dev eth3 ingress
cat /sys/kernel/debug/netdevsim/netdevsim4/ports/0/bpf_offloaded_id
tc filter del dev eth0 ingress chain 2 prio 10 handle 1 bpf
ethtool -K eth4 hw-tc-offload off
tc filter replace block 7 prio 2 bpf bytecode '1,6 0 0 0,'
tc filter del dev nosuch ingress prio 10
tc filter add block 7 prio 2 handle 0x20 bpf obj $PROGS/tc_pass.o sec classifier skip_sw
echo 0 > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_xdpoffload_accept
tc filter get block 2 protocol all pref 2 handle 0x20 bpf
tc -j filter show block 7 prio 10
tc qdisc show dev eth4 clsact
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00177_0 type classifier dev eth3
tc filter add dev eth0 ingress prio 3 protocol arp bpf obj $PROGS/tc_pass.o skip_hw da
tc filter replace dev eth1 root prio 2 handle 0x20 bpf bytecode '1,6 0 0 1,'
tc qdisc replace dev eth0 ingress_block 7 ingress
