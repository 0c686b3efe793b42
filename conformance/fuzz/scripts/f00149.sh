# offload fuzz seed 149
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 1 ingress
tc filter add block 1 prio 10 handle 0x20 bpf bytecode '1,6 0 0 1,' skip_sw
tc qdisc del dev eth0 ingress
tc filter add dev eth0 egress pref 1 bpf skip_sw skip_hw da action gact pass index 3 bytecode '2,6 0 0 0,'
tc filter add dev eth0 ingress pref 2 matchall action drop
tc filter del dev eth0 ingress
tc filter delete dev eth0 ingress
tc filter add dev eth0 ingress prio 5 bpf obj $PROGS/tc_classid.o sec tc skip_sw da
tc -s -j filter show dev eth0 parent ffff:fff3 chain 1
tc filter add dev eth0 egress prio 10 handle 2 protocol ipv6 bpf bytecode '1,6 0 0 1,' skip_sw
tc -j qdisc show
tc qdisc replace dev eth0 ingress_block 2 egress_block 3 clsact
tc filter add dev eth0 egress pref 1 handle 0x20 bpf obj $PROGS/tc_pass.o sec nosuch
tc -j filter show dev eth0 ingress
tc filter add dev eth9 root prio 10 bpf action ok da
tc filter add block 3 prio 3 bpf obj $PROGS/xdp_pass.o sec xdp skip_hw action gact drop
