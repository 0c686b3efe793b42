# offload fuzz seed 1045
echo "1 1" > /sys/bus/netdevsim/new_device
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
tc qdisc change dev eth1 ingress_block 2 ingress
tc qdisc add dev eth0 clsact
echo "7 0" > /sys/bus/netdevsim/new_device
tc filter replace block 7 prio 3 handle 0x20 bpf bytecode '1,6 0 0 2,' skip_sw skip_sw classid 1:9
tc filter delete dev eth1 ingress prio 3
tc filter add dev eth0 parent ffff: prio 5 handle 0x20 protocol arp bpf obj $PROGS/tc_pass.o verbose da
ip link set eth0 down
tc filter del dev eth1 parent ffff: prio 3
tc qdisc add dev eth0 ingress_block 2 clsact
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter show dev eth1 ingress
tc qdisc del dev eth1 ingress
tc filter add dev eth0 ingress pref 2 handle 0x20 bpf skip_hw bytecode '1,6 0 0 1,'
tc filter add dev eth0 root prio 10 protocol ipv6 flower action drop
tc filter del dev eth1 ingress prio 10 handle 1 bpf
tc filter add dev eth0 ingress pref 49152 handle 7 bpf bytecode '1,6 0 0 4294967295,' skip_sw
