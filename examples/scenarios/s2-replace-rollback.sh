# A replace the port refuses, whose rollback (the reverse replace) it refuses too:
# v6.1 rolls back once and leaves the old filter without IN_HW while the port still holds
# it; v5.2 recurses without bound (quirk C, stopped by the emulator).
echo "1 1" > /sys/bus/netdevsim/new_device
ethtool -K eth0 hw-tc-offload on
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc qdisc add dev eth0 ingress
tc filter add dev eth0 ingress prio 1 handle 1 bpf bytecode '1,6 0 0 0,' skip_sw
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter replace dev eth0 ingress prio 1 handle 1 bpf bytecode '1,6 0 0 1,' skip_sw
tc filter show dev eth0 ingress
