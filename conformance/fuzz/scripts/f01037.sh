# offload fuzz seed 1037
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc replace dev eth0 ingress_block 5 egress_block 2 clsact
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc qdisc show dev lo
tc -j filter get block 5 protocol all pref 3 handle 2 bpf
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f01037_0 type classifier dev eth0
tc chain show dev eth0 ingress
tc filter add dev eth0 ingress pref 3 bpf bytecode '1,6 0 0 0,'
tc filter add dev eth0 egress chain 0 pref 5 handle 2 bpf bytecode '1,6 0 0 1,' skip_sw classid 1:4
tc filter delete dev eth0 ingress chain 0
tc filter show block 5
echo "2 1" > /sys/bus/netdevsim/new_device
ethtool -K eth1 hw-tc-offload on
echo Y > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_non_bound_accept
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
cat /sys/kernel/debug/netdevsim/netdevsim3/ports/0/bpf_offloaded_id
tc qdisc replace dev eth0 ingress_block 7 ingress
tc filter replace dev eth0 ingress prio 49152 handle 0x20 bpf bytecode '1,6 0 0 0,' skip_sw action ok
tc filter add block 5 prio 10 handle 7 bpf bytecode '1,6 0 0 0,'
cat /sys/bus/netdevsim/new_device
tc filter replace dev eth0 egress chain 1 pref 10 handle 0x20 bpf obj $PROGS/tc_pass.o sec classifier skip_sw da
tc filter get dev eth2 ingress protocol all pref 49152 handle 2 bpf
tc filter change block 2 prio 49152 handle 0x20 bpf bytecode '1,6 0 0 0,' skip_sw
echo Y > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_non_bound_accept
tc chain show block 5
tc qdisc del dev eth2 ingress
tc qdisc del dev eth0 clsact
