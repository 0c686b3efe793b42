# offload fuzz seed 184
echo "1 1" > /sys/bus/netdevsim/new_device
ethtool -K eth0 hw-tc-offload on
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter add dev eth0 ingress handle 0x20 bpf bytecode '1,6 0 0 2,' skip_sw
tc filter show dev eth0 egress
tc filter replace dev eth0 egress pref 2 handle 7 bpf bytecode '1,6 0 0 0,6 0 0 0,' skip_sw
tc qdisc del dev eth0 ingress
tc -s filter show dev eth0 ingress
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f00184_0 type classifier dev eth0
tc filter show dev eth0 ingress
tc filter change dev eth0 egress pref 2 bpf bytecode '1,6 0 0 0,'
tc filter add dev eth0 ingress prio 2 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
tc filter show dev eth0 egress
tc filter show dev eth0 ingress chain 0
tc filter replace dev eth0 ingress prio 2 handle 2 bpf bytecode '1,6 0 0 4294967295,' skip_sw
echo 2 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00184_1 type classifier dev eth0
