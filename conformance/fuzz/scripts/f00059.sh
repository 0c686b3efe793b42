# offload fuzz seed 59
echo "1 2" > /sys/bus/netdevsim/new_device
ethtool -K eth0 hw-tc-offload on
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
tc qdisc add dev eth0 ingress
tc filter show dev eth0 ingress
tc qdisc add dev eth2 ingress_block 2 ingress
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth3 up
ethtool -K eth3 hw-tc-offload on
tc filter delete dev eth2 ingress
tc filter show block 2
tc filter replace dev eth3 egress handle 1 bpf obj $PROGS/tc_pass.o sec classifier verbose skip_sw
tc filter del dev eth2 ingress prio 49152
tc filter add dev eth0 parent ffff: pref 1 handle 0x20 protocol arp bpf obj $PROGS/tc_pass.o skip_sw da
echo "4 1" > /sys/bus/netdevsim/new_device
ip link set eth4 up
ethtool -K eth4 hw-tc-offload on
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/1/bpf_tc_accept
tc qdisc change dev eth4 ingress
echo 2 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter show block 2
cat /sys/kernel/debug/netdevsim/netdevsim3/ports/0/bpf_offloaded_id
tc qdisc replace dev eth1 ingress
echo "5 1" > /sys/bus/netdevsim/new_device
ip link set eth5 up
ethtool -K eth5 hw-tc-offload on
