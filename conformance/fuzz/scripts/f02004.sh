# offload fuzz seed 2004
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 clsact
tc filter add dev eth0 ingress prio 2 handle 2 bpf obj $PROGS/tc_pass.o skip_sw da
tc filter del dev eth0 ingress prio 10
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
echo N > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
tc filter add dev eth0 ingress prio 5 handle 1 bpf obj $PROGS/tc_classid.o skip_sw da classid 1:1
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_xdpoffload_accept
tc -p -j filter show dev eth0 egress chain 0 prio 10
tc filter add dev eth9 parent ffff:fff3 pref 3 protocol ipv6 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw da
tc filter get dev eth0 ingress protocol all pref 10 handle 1 bpf
tc filter add dev eth0 ingress pref 49152 handle 1 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
tc filter change dev eth0 egress chain 0 pref 2 handle 0x20 bpf bytecode '1,6 0 0 0,' skip_hw da
echo N > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_accept
tc filter add dev eth0 egress pref 10 bpf bc '1,6 0 0 0,'
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter del dev eth0 ingress prio 49152
tc qdisc add dev eth0 ingress
echo N > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_accept
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
ip link show eth0
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter show dev eth0 ingress
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_accept
