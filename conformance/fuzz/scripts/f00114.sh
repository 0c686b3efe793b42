# offload fuzz seed 114
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc filter del dev eth0 ingress
tc filter add dev eth0 ingress pref 10 bpf bytecode '1,6 0 0 2,' skip_sw
tc qdisc add dev eth0 egress_block 3 clsact
tc filter del block 3 prio 10 handle 2 bpf
tc filter del block 3 chain 2
tc -j filter get block 1 protocol all pref 10 handle 0x20 bpf
tc -j filter show block 3
echo 1 > /sys/bus/netdevsim/del_device
tc -d filter show dev eth9 parent ffff:
tc filter add dev nosuch egress pref 5 bpf bytecode '1,6 0 0' skip_sw classid 1:2
tc filter add block 1 pref 49152 handle 0x20 matchall action drop
ethtool -k eth9
tc filter add dev eth9 parent ffff: prio 3 protocol 802.1q bpf bytecode '1,6 0 0 0,' skip_hw
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter add dev eth9 ingress prio 5 bpf bytecode '1,6 0 0 4294967295,' skip_hw
tc filter add dev eth9 ingress prio 10 handle 1 protocol 802.1q bpf obj $PROGS/tc_classid.o skip_sw da action gact pass index 3
ethtool -k eth9
tc filter show dev eth9 ingress prio 10
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ethtool -K eth0 hw-tc-offload off
tc filter add dev eth0 egress pref 2 bpf obj $PROGS/tc_pass.o sec classifier skip_sw da
tc filter add dev eth0 ingress pref 3 bpf obj $PROGS/tc_pass.o skip_sw da
tc filter add dev eth0 egress prio 3 bpf bytecode '1,6 0 0 0,'
cat /sys/kernel/debug/netdevsim/netdevsim2/bpf_bound_progs/1/state
tc filter show dev eth0 egress chain 2
tc filter get dev eth0 egress protocol all pref 2 handle 2 bpf
tc filter add dev eth0 ingress prio 2 bpf obj $PROGS/tc_pass.o da
