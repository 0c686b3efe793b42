# offload fuzz seed 90
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 2 ingress
tc -j filter show block 2 chain 0 prio 10
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc filter add dev eth0 egress prio 10 handle 7 bpf obj /nonexistent.o skip_sw action continue
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
tc -j filter get block 2 protocol all pref 2 handle 2 bpf
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
ethtool -K eth0 hw-tc-offload off
tc filter add dev eth0 egress pref 1 protocol ip bpf bytecode '1,6 0 0 4294967295,' da
tc filter add dev eth0 ingress pref 5 handle 2 bpf bytecode '1,6 0 0 4294967295,' skip_hw
tc filter add dev eth0 ingress chain 1 prio 2 bpf bytecode '1,6 0 0 2,' skip_sw
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
tc filter del dev eth2 ingress prio 5
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
ip link set eth1 up
tc filter add dev eth2 egress prio 2 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_hw
tc filter add block 2 chain 2 pref 1 handle 0x20 bpf bytecode '1,6 0 0 4294967295,' skip_sw da
ip link set dev eth0 down
tc -s filter show block 2
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_accept
tc -s filter show block 1
ip link set dev eth2 xdpoffload obj $PROGS/xdp_pass.o sec xdp
tc qdisc add dev eth2 ingress
tc -s qdisc show dev eth0
