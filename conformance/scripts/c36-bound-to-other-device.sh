# 6.12: cls_bpf refuses a program bound to another device on a device's own block
echo "1 1" > /sys/bus/netdevsim/new_device
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ip link set eth1 up
ethtool -K eth0 hw-tc-offload on
ethtool -K eth1 hw-tc-offload on
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/c36 type classifier dev eth0
tc qdisc add dev eth0 ingress
tc qdisc add dev eth1 ingress
tc filter add dev eth1 ingress prio 1 bpf skip_sw da pinned /sys/fs/bpf/c36
tc filter show dev eth1 ingress
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
tc filter add dev eth0 ingress prio 1 bpf skip_sw da pinned /sys/fs/bpf/c36
tc filter show dev eth0 ingress
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
