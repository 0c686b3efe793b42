# offload fuzz seed 35
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
echo "2 1" > /sys/bus/netdevsim/new_device
ethtool -K eth1 hw-tc-offload on
tc qdisc replace dev eth1 egress_block 2 clsact
tc filter add dev eth1 ingress prio 3 handle 1 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
tc filter show block 2
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
tc -d filter show block 2
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f00035_0 type classifier dev eth0
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc qdisc show dev eth2 ingress
cat /sys/kernel/debug/netdevsim/netdevsim3/ports/0/bpf_offloaded_id
tc filter get dev eth2 ingress protocol all pref 3 handle 2 bpf
tc filter show dev eth0 parent ffff:
tc filter show dev eth0 ingress
echo "4 1" > /sys/bus/netdevsim/new_device
ethtool -K eth3 hw-tc-offload on
