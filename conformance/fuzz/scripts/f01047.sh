# offload fuzz seed 1047
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc filter add dev eth0 egress chain 2 pref 10 bpf bytecode '1,6 0 0 1,' skip_sw
tc filter add dev eth0 parent ffff: prio 1 bpf bytecode '1,6 0 0 0,' skip_sw
tc filter add dev eth0 ingress preference 1 bpf bc '1,6 0 0 0,' classid 1:7
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_delay
tc filter change dev eth0 ingress prio 10 handle 2 bpf bytecode '1,6 0 0 2,' classid 1:1
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter add dev eth0 parent 1: prio 49152 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter add dev eth0 parent ffff: pref 2 bpf bytecode '1,6 0 0 2,'
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
tc qdisc change dev eth1 ingress_block 1 ingress
