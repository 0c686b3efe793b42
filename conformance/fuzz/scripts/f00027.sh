# offload fuzz seed 27
echo "1 1" > /sys/bus/netdevsim/new_device
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth0 ingress
tc qdisc replace dev eth1 clsact
tc filter replace dev eth0 ingress chain 1 prio 49152 handle 2 u32 match u32 0 0 action drop
tc filter add dev eth1 parent 1: prio 3 handle 0x20 protocol ipv6 bpf bytecode '1,6 0 0 1,' skip_sw action continue
tc qdisc show dev eth1 ingress
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter del dev eth0 parent ffff: prio 3 handle 0x20 bpf
tc filter change dev eth1 parent 1: prio 3 bpf obj $PROGS/tc_pass.o sec classifier skip_sw da classid 1:2
echo x > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter show dev eth0 ingress
tc filter replace dev eth1 ingress handle 0x20 protocol arp bpf da obj $PROGS/tc_pass.o sec classifier
tc qdisc replace dev eth1 clsact
echo 2 > /sys/bus/netdevsim/del_device
tc filter get dev eth0 egress protocol all pref 49152 handle 1 bpf
tc filter add dev eth0 ingress chain 0 pref 10 handle 1 bpf bytecode '1,6 0 0 0,' skip_sw
tc qdisc del dev eth0 ingress
tc filter add dev eth0 parent ffff:fff3 prio 1 protocol ip bpf bytecode '1,6 0 0 4294967295,' skip_sw da
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter del dev eth0 egress prio 1 handle 0x20 bpf
tc qdisc add dev eth0 egress_block 7 clsact
echo 2 > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_non_bound_accept
tc filter add dev eth0 ingress prio 49152 bpf bytecode '1,6 0 0' skip_sw
tc filter show block 9
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc -j filter show dev eth1 ingress
