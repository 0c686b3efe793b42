# offload fuzz seed 159
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth0 clsact ingress_block 5
tc qdisc add dev eth1 ingress_block 2 ingress
tc qdisc add dev eth0 ingress_block 5 ingress
tc filter add dev eth0 egress pref 3 bpf bytecode '1,6 0 0 4294967295,'
tc qdisc del dev eth1 ingress
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00159_0 type classifier
tc filter replace dev eth0 root pref 3 handle 7 bpf obj $PROGS/tc_classid.o skip_sw da classid 1:6
tc filter add dev eth0 ingress prio 2 handle 1 bpf bytecode '1,6 0 0 1,' skip_sw skip_hw
echo Y > /sys/kernel/debug/netdevsim/netdevsim2/bpf_bind_verifier_accept
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter add block 5 pref 5 protocol all bpf bytecode '1,6 0 0 0,' skip_hw
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
tc filter show dev eth0 ingress
tc qdisc show dev eth1
tc qdisc show dev eth1
tc -j filter show block 5 prio 2
tc filter add block 5 pref 49152 bpf bytecode '1,6 0 0 2,' skip_sw skip_hw da
tc qdisc show dev eth0 clsact
tc filter add dev eth0 ingress prio 2 u32 match u32 0 0
echo Y > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_non_bound_accept
tc filter add dev eth0 ingress pref 1 bpf skip_sw skip_hw
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter add dev eth0 ingress prio 10 bpf obj $PROGS/tc_pass.o da action gact reclassify
tc filter add block 5 pref 10 handle 2 bpf bytecode '1,6 0 0 4294967295,' skip_sw action continue
tc filter replace block 5 prio 2 handle 1 bpf bytecode '1,6 0 0 1,' skip_hw classid 1:9
tc -p -j filter show dev eth0 ingress
