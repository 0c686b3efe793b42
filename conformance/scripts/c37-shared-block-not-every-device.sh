# 6.12: on a shared block the program must be bound to every device in block->ports;
# ports of one netdevsim device share its offload device, so they all match
echo "1 2" > /sys/bus/netdevsim/new_device
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ip link set eth1 up
ip link set eth2 up
ethtool -K eth0 hw-tc-offload on
ethtool -K eth1 hw-tc-offload on
ethtool -K eth2 hw-tc-offload on
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/c37 type classifier dev eth0
tc qdisc add dev eth0 ingress_block 7 ingress
tc qdisc add dev eth1 ingress_block 7 ingress
tc filter add block 7 prio 1 bpf skip_sw da pinned /sys/fs/bpf/c37
tc filter show block 7
tc qdisc add dev eth2 ingress_block 8 ingress
tc qdisc add dev eth0 egress_block 8 clsact
tc filter add block 8 prio 1 bpf skip_sw da pinned /sys/fs/bpf/c37
tc filter show block 8
tc qdisc del dev eth2 ingress
tc filter add block 8 prio 1 bpf skip_sw da pinned /sys/fs/bpf/c37
tc filter show block 8
