# offload fuzz seed 219
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 5 ingress
tc qdisc add dev eth2 clsact
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
echo "4 1" > /sys/bus/netdevsim/new_device
ip link set eth3 up
tc filter show dev eth2 egress
tc filter add dev eth3 ingress prio 3 handle 7 protocol ip bpf bytecode '2,177 0 0 0,6 0 0 0,'
ethtool -K eth1 hw-tc-offload on
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc qdisc show dev eth0
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00219_0 type classifier dev eth2
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
echo N > /sys/kernel/debug/netdevsim/netdevsim3/bpf_bind_accept
tc filter replace dev eth2 parent ffff:fff3 prio 3 protocol all bpf bytecode '1,4 0 0 0,' skip_hw
