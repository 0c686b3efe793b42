# offload fuzz seed 1022
echo "1 2" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc replace dev eth0 ingress_block 7 ingress
tc qdisc replace dev eth1 ingress_block 1 ingress
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/1/bpf_tc_accept
tc filter add dev eth0 ingress pref 10 bpf bytecode '1,6 0 0 2,' skip_sw da
tc qdisc show
tc -s filter show block 7
tc -d filter show block 1
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter del dev eth1 ingress
tc -d filter show dev eth0 ingress
tc filter add block 7 bpf obj $PROGS/tc_pass.o sec nosuch skip_sw da action gact drop
tc filter show dev eth0 ingress protocol ip
tc filter add dev eth1 ingress pref 10 handle 2 bpf bytecode '2,177 0 0 0,6 0 0 0,' classid 1:4
tc qdisc del dev eth1 ingress
tc qdisc del dev eth0 parent ffff:
tc filter replace dev eth0 egress pref 1 handle 0x20 protocol ipv6 bpf bytecode '1,6 0 0 0,' action ok
