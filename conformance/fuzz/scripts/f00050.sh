# offload fuzz seed 50
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 clsact
tc filter del dev eth0 root prio 3
tc filter show dev eth0 ingress
tc qdisc del dev eth0 clsact
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bound_progs/2/state
tc qdisc add dev eth0 ingress_block 1 ingress
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc -s qdisc show dev eth0
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth1 ingress_block 1 ingress
echo "3 1" > /sys/bus/netdevsim/new_device
ethtool -K eth2 hw-tc-offload on
echo Y > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_xdpoffload_accept
tc filter add dev eth2 parent ffff: pref 5 handle 2 bpf bytecode '1,6 0 0 1,' skip_hw
tc filter add block 1 prio 3 flower skip_sw
tc qdisc add dev eth0 clsact
tc filter add block 1 prio 10 handle 1 protocol ipv6 bpf bytecode '1,6 0 0 1,' da
tc filter replace block 1 prio 5 handle 7 bpf obj $PROGS/tc_pass.o sec classifier da skip_sw
tc filter add dev eth2 parent ffff: prio 2 bpf obj $PROGS/tc_pass.o skip_sw da
tc qdisc add dev eth1 ingress_block 5 ingress
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc qdisc add dev eth2 ingress_block 2 ingress
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
