# offload fuzz seed 169
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc filter show block 7
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc qdisc add dev eth0 ingress_block 5 clsact
tc filter show block 5 chain 1
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc -j filter get dev eth0 ingress protocol all pref 1 handle 2 bpf
tc filter add dev eth0 ingress pref 3 bpf bytecode '1,6 0 0 2,' skip_sw action ok
tc filter change block 5 handle 2 protocol ipv6 bpf bytecode '1,6 0 0 1,' skip_hw classid 1:5
tc qdisc add dev eth0 ingress
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
tc filter add block 5 pref 3 handle 7 bpf skip_sw skip_hw bytecode '2,177 0 0 0,6 0 0 0,'
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc -s -d filter show block 5
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec nosuch
ethtool -K eth0 hw-tc-offload off
tc filter add block 5 pref 5 bpf bytecode '1,6 0 0 2,' skip_sw da
tc -j qdisc show
