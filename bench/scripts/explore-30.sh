# 30 steps, 4 ports of one netdevsim card on shared block 7: binds, skip_sw/no-flag/skip_hw
# filters, replaces, unbind/rebind replays, a feature toggle, deletes. The explorer benchmark
# injects a fault at every driver invocation of it.
echo "1 4" > /sys/bus/netdevsim/new_device
ethtool -K eth0 hw-tc-offload on
ethtool -K eth1 hw-tc-offload on
ethtool -K eth2 hw-tc-offload on
ethtool -K eth3 hw-tc-offload on
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/1/bpf_tc_non_bound_accept
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/2/bpf_tc_non_bound_accept
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/3/bpf_tc_non_bound_accept
tc qdisc add dev eth0 ingress_block 7 ingress
tc qdisc add dev eth1 ingress_block 7 ingress
tc qdisc add dev eth2 ingress_block 7 ingress
tc qdisc add dev eth3 ingress_block 7 ingress
tc filter add block 7 prio 1 handle 1 bpf bytecode '1,6 0 0 0,' skip_sw
tc filter add block 7 prio 2 handle 1 bpf bytecode '1,6 0 0 0,'
tc filter replace block 7 prio 1 handle 1 bpf bytecode '1,6 0 0 1,' skip_sw
tc filter show block 7
tc qdisc del dev eth3 ingress
tc qdisc add dev eth3 ingress_block 7 ingress
tc filter del block 7 prio 2 handle 1 bpf
tc filter replace block 7 prio 1 handle 1 bpf bytecode '1,6 0 0 0,' skip_sw
ethtool -K eth2 hw-tc-offload off
tc filter add block 7 prio 3 handle 1 bpf bytecode '1,6 0 0 0,' skip_hw
tc filter del block 7 prio 3 handle 1 bpf
tc qdisc del dev eth1 ingress
tc qdisc add dev eth1 ingress_block 7 ingress
tc filter show block 7
tc filter del block 7 prio 1 handle 1 bpf
tc qdisc del dev eth0 ingress
audit
