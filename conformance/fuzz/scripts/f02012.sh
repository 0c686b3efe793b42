# offload fuzz seed 2012
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc change dev eth0 egress_block 2 clsact
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f02012_0 type classifier dev eth0
tc filter add dev eth0 ingress pref 5 u32 match u32 0 0
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter replace dev nosuch ingress priority 1 bpf object-file $PROGS/tc_pass.o section classifier flowid 1:3 skip_sw
tc qdisc del dev eth0 clsact
tc filter add dev eth0 root pref 49152 handle 2 bpf obj $PROGS/tc_classid.o sec tc skip_sw
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter add dev eth0 ingress pref 2 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_hw
tc filter add dev eth0 ingress pref 49152 bpf obj /nonexistent.o skip_hw action drop
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_delay
tc -d filter show dev eth0 ingress
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc filter add dev eth0 ingress pref 3 bpf obj $PROGS/tc_classid.o da classid 1:8
tc filter delete dev eth0 ingress prio 2 handle 0x20 bpf
tc filter add dev eth1 root pref 49152 bpf bytecode '1,6 0 0 1,' skip_sw
tc filter add dev eth1 ingress prio 49152 bpf bytecode '1,6 0 0 1,' skip_sw action gact pass index 3
tc filter replace dev eth0 egress pref 10 handle 2 protocol ip bpf bytecode '1,6 0 0 0,6 0 0 0,' skip_sw classid 1:5
tc qdisc add dev eth1 ingress_block 2 clsact
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f02012_1 type classifier dev eth0
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
