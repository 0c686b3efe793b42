# offload fuzz seed 81
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc replace dev eth0 ingress_block 5 ingress
tc filter replace dev eth0 egress prio 49152 handle 7 protocol 802.1q bpf bytecode '1,6 0 0 2,' classid 1:1
ethtool -K eth0 hw-tc-offload on
tc qdisc del dev eth0 ingress
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
tc filter show dev eth0 ingress
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter show dev eth1 root
ethtool -K eth1 hw-tc-offload on
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f00081_0 type classifier dev eth0
tc filter replace dev eth1 ingress prio 5 handle 2 bpf bytecode '1,6 0 0 2,' da
tc filter add dev eth1 parent ffff:fff3 pref 2 bpf obj $PROGS/tc_classid.o skip_sw da
tc filter add block 5 prio 3 bpf fd /sys/fs/bpf/f00081_0 da
tc filter replace dev eth0 ingress chain 1 handle 2 bpf bytecode '1,6 0 0 2,' skip_sw da action drop
