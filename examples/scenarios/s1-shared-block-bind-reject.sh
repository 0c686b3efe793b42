# Quirk B(a): eth1 refuses the replayed filter when it joins block 7 (it rejects programs
# not bound to a device); the failed bind's replay-remove is acknowledged by eth1, which
# never held the filter, so the filter loses IN_HW although eth0 still holds it.
echo "1 1" > /sys/bus/netdevsim/new_device
echo "2 1" > /sys/bus/netdevsim/new_device
ethtool -K eth0 hw-tc-offload on
ethtool -K eth1 hw-tc-offload on
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc qdisc add dev eth0 ingress_block 7 ingress
tc filter add block 7 prio 1 handle 1 bpf bytecode '1,6 0 0 0,' skip_sw
tc qdisc add dev eth1 ingress_block 7 ingress
tc filter show block 7
