# One device of a shared block goes away (its unbind replays a remove), then the filter
# is deleted from the block the other device still uses.
echo "1 1" > /sys/bus/netdevsim/new_device
echo "2 1" > /sys/bus/netdevsim/new_device
ethtool -K eth0 hw-tc-offload on
ethtool -K eth1 hw-tc-offload on
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
echo Y > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_non_bound_accept
tc qdisc add dev eth0 ingress_block 5 ingress
tc qdisc add dev eth1 ingress_block 5 ingress
tc filter add block 5 prio 1 handle 1 bpf bytecode '1,6 0 0 0,' skip_sw
echo 2 > /sys/bus/netdevsim/del_device
tc filter show block 5
tc filter del block 5 prio 1 handle 1 bpf
