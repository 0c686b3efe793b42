# offload fuzz seed 7
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 1 ingress
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc qdisc change dev eth0 ingress
tc filter add block 1 chain 2 pref 1 protocol all bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_xdpoffload_accept
tc filter del block 1 prio 1
ethtool -K eth0 hw-tc-offload off
tc filter add block 1 chain 2 pref 3 bpf obj $PROGS/xdp_pass.o sec xdp skip_sw da
ethtool -K eth0 hw-tc-offload on
ethtool -K eth0 hw-tc-offload off
tc filter add block 1 chain 2 pref 1 handle 0x20 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_hw
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
