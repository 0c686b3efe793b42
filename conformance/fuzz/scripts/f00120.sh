# offload fuzz seed 120
echo "1 1" > /sys/bus/netdevsim/new_device
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 2 ingress
tc filter del block 2
tc filter add block 7 pref 5 bpf bytecode '1,6 0 0 0,' skip_sw
tc -s filter show dev eth0 parent 1:
tc filter del dev eth0 parent 1: prio 5 handle 2 bpf
tc filter add dev eth0 ingress prio 5 handle 2 protocol ipv6 bpf bytecode '1,6 0 0 1,'
tc filter show dev eth0 egress prio 5
tc filter add block 2 prio 10 handle 2 protocol ip bpf skip_sw da action continue
tc filter show block 2
tc filter del block 2 prio 10
tc qdisc add dev eth0 ingress_block 2 ingress
tc qdisc del dev eth0 ingress
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_accept
tc -s -j filter show dev eth0 egress
tc qdisc del dev eth0 clsact
tc filter add dev eth0 ingress prio 5 handle 2 bpf action pass skip_sw
tc chain show dev eth0 ingress
tc qdisc show dev eth0
tc filter get dev eth0 egress protocol all pref 5 handle 2 bpf
tc qdisc add dev eth0 ingress_block 1 clsact
