# 6.12: netdevsim refuses another device's program when a port joins the block: the failed
# bind's replay-remove leaves eth0's filter skip_sw without in_hw (quirk B, eBPF)
echo "1 1" > /sys/bus/netdevsim/new_device
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ip link set eth1 up
ethtool -K eth0 hw-tc-offload on
ethtool -K eth1 hw-tc-offload on
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/c38 type classifier dev eth0
tc qdisc add dev eth0 ingress_block 7 ingress
tc filter add block 7 prio 1 bpf skip_sw da pinned /sys/fs/bpf/c38
tc filter show block 7
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc qdisc add dev eth1 ingress_block 7 ingress
tc qdisc show dev eth1
tc filter show block 7
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
tc filter del block 7 prio 1
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
