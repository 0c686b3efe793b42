# Quirk B(b)/D: a filter without skip_sw that only eth0 accepted (eth1 rejects programs not
# bound to a device); when eth1 leaves the block, its replay-remove is acknowledged and
# counted although eth1 never held the filter.
echo "1 1" > /sys/bus/netdevsim/new_device
echo "2 1" > /sys/bus/netdevsim/new_device
ethtool -K eth0 hw-tc-offload on
ethtool -K eth1 hw-tc-offload on
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc qdisc add dev eth0 ingress_block 5 ingress
tc qdisc add dev eth1 ingress_block 5 ingress
tc filter add block 5 prio 1 handle 1 bpf bytecode '1,6 0 0 0,'
tc qdisc del dev eth1 ingress_block 5 ingress
tc filter show block 5
