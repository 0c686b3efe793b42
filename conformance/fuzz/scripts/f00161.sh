# offload fuzz seed 161
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
tc -j filter get dev eth0 egress protocol all pref 1 handle 1 bpf
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter show block 7
tc qdisc show dev eth0 clsact
ethtool -K eth0 hw-tc-offload on
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
tc qdisc add dev eth0 ingress
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter replace dev eth0 egress prio 1 handle 1 flower action drop
tc -j filter show dev eth0 parent ffff: chain 1
ip link show eth0
tc filter add dev eth0 ingress pref 10 protocol ipv6 matchall action drop
tc filter add dev eth0 ingress pref 49152 handle 0x20 bpf bytecode '1,6 0 0 1,'
tc filter change dev eth0 egress prio 1 handle 1 bpf obj $PROGS/tc_classid.o sec tc skip_sw da
tc -j filter show dev eth0 ingress prio 10
tc filter add dev eth0 egress prio 10 handle 0x20 bpf obj $PROGS/tc_pass.o sec classifier da
tc filter add dev eth0 ingress chain 1 prio 5 bpf da bytecode '1,6 0 0 1,' skip_hw
echo 200 > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_delay
ethtool -K eth0 tc-offload on
tc filter show dev eth0 ingress
ip link set dev eth0 down
tc filter add dev eth0 egress pref 10 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_hw
tc qdisc del dev eth0 ingress
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
