# offload fuzz seed 167
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
tc filter add dev eth0 egress chain 1 bpf bytecode '1,6 0 0 0,' skip_sw action gact drop
ethtool -k eth0
tc filter add dev eth0 ingress prio 2 bpf bytecode '1,6 0 0 1,' skip_sw
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc qdisc add dev eth0 clsact
tc filter show dev eth0 egress
tc filter replace dev eth0 parent 1: pref 2 handle 1 protocol arp bpf bytecode '1,6 0 0 2,' skip_hw action gact drop
tc filter replace dev eth0 ingress prio 49152 matchall action drop
tc filter change dev eth0 ingress pref 2 handle 2 bpf bytecode '1,6 0 0 0,' skip_sw
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bound_progs/2/state
ip link set dev eth0 down
tc filter add dev eth0 ingress prio 1 u32 match u32 0 0 action drop
tc filter show dev eth0 root prio 2
tc filter add dev eth0 ingress chain 1 prio 5 u32 match u32 0 0 action drop
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec nosuch
ip link set dev eth0 xdpoffload off
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc -j filter show dev eth0 egress
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_delay
echo 1 > /sys/bus/netdevsim/del_device
tc chain show dev eth9 egress
tc filter del dev nosuch ingress prio 10 handle 2 bpf
tc filter add dev eth9 ingress chain 1 bpf obj $PROGS/tc_classid.o skip_hw
echo x > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_xdpoffload_accept
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
tc -d qdisc show dev eth0
