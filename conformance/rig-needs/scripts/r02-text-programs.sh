# programs in .text: libbpf's entry-point rule as iproute2 6.1 and bpftool use it
echo "1 1" > /sys/bus/netdevsim/new_device
tc qdisc add dev eth0 ingress
tc filter add dev eth0 ingress prio 1 bpf obj $PROGS/text_ret0.o sec .text
tc filter add dev eth0 ingress prio 2 bpf obj $PROGS/text_ret0.o
tc filter add dev eth0 ingress prio 3 bpf da obj $PROGS/text_maps.o sec .text
tc filter add dev eth0 ingress prio 4 bpf obj $PROGS/text_two.o sec .text
tc filter add dev eth0 ingress prio 5 bpf obj $PROGS/text_two.o
tc filter add dev eth0 ingress prio 6 bpf obj $PROGS/tc_pass.o sec .text
tc filter add dev eth0 ingress prio 7 bpf obj $PROGS/text_ret0.o sec classifier
tc filter show dev eth0 ingress
tc -j filter show dev eth0 ingress
ethtool -K eth0 hw-tc-offload on
tc filter add dev eth0 ingress prio 8 bpf skip_sw obj $PROGS/text_ret0.o sec .text
tc filter show dev eth0 ingress prio 8
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bound_progs/0/state
tc qdisc del dev eth0 ingress
ip link set dev eth0 xdpoffload obj $PROGS/text_ret0.o sec .text
ip link set dev eth0 xdpoffload off
