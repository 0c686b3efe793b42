# offload fuzz seed 121
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
tc filter add dev eth0 ingress pref 5 protocol ip bpf bytecode '1,6 0 0 1,'
tc filter del dev eth0 parent ffff: prio 5
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter add dev eth0 ingress pref 49152 handle 1 bpf obj $PROGS/tc_classid.o da
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc qdisc add dev eth1 ingress_block 5 ingress
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_xdpoffload_accept
echo Y > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_non_bound_accept
tc filter add block 5 prio 49152 handle 1 protocol arp bpf obj $PROGS/tc_pass.o skip_sw da
tc filter replace dev eth1 ingress prio 49152 handle 1 bpf bytecode '1,6 0 0 4294967295,' skip_sw da action gact drop
tc filter replace dev eth1 ingress prio 49152 handle 7 protocol ip bpf bytecode '2,177 0 0 0,6 0 0 0,'
echo 1 > /sys/kernel/debug/netdevsim/netdevsim2/bpf_bind_verifier_accept
tc filter add block 5 prio 5 handle 2 bpf skip_hw bytecode '1,6 0 0 0,' action gact drop
tc filter replace block 5 pref 5 handle 2 protocol ip bpf bytecode '1,6 0 0 4294967295,'
tc filter show dev eth0 ingress
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f00121_0 type classifier
echo x > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter del dev eth0 parent ffff: chain 1 prio 49152 handle 0x20 bpf
tc filter add dev eth0 parent 1: pref 49152 handle 1 protocol ipv6 bpf bytecode '1,21 0 5 0,' skip_sw da classid 1:7
