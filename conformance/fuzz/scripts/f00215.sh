# offload fuzz seed 215
echo "1 2" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth1 ingress
tc qdisc add dev eth1 ingress_block 2 clsact
tc filter del dev eth0 ingress
ip link set dev eth0 xdpoffload off
tc qdisc del dev eth1 ingress
tc chain show dev eth0 ingress
tc qdisc change dev eth1 ingress_block 1 ingress
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter add dev eth1 ingress pref 10 handle 2 protocol all bpf bytecode '1,6 0 0 4294967295,' da
tc filter add dev eth0 root pref 49152 handle 0x20 bpf bytecode '1,6 0 0 0,' skip_sw action gact reclassify
tc qdisc del dev eth1 ingress
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_delay
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/1/bpf_tc_accept
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc qdisc show dev eth0
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/1/bpf_tc_non_bound_accept
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/1/bpf_offloaded_id
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
ethtool -K eth0 hw-tc-offload off
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
tc filter replace dev eth0 ingress pref 49152 handle 0x20 protocol ip bpf bytecode '1,6 0 0 2,'
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_xdpoffload_accept
tc filter del dev eth2 ingress
tc qdisc add dev eth1 clsact
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/ports/1/bpf_tc_non_bound_accept
