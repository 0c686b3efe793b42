# offload fuzz seed 205
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc filter add dev eth0 egress handle 1 bpf obj $PROGS/tc_pass.o skip_sw da action pass
tc -s filter show dev eth0 parent ffff: chain 0
tc chain show dev eth0 ingress
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00205_0 type classifier
tc chain show dev eth0 parent ffff:fff3
tc filter replace dev eth0 ingress prio 3 handle 2 bpf bytecode '1,6 0 0 1,' skip_sw
tc filter show dev eth0 egress
ip -j link show eth0
tc filter show dev eth0 egress
tc filter add dev eth0 ingress prio 5 bpf bytecode '1,6 0 0 0,' skip_sw
ethtool -k eth0
tc filter replace dev eth0 parent ffff: prio 5 handle 1 bpf bytecode '1,6 0 0 4294967295,' skip_sw
tc filter add dev eth0 ingress prio 10 bpf bytecode '1,6 0 0 0,' da
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter replace dev eth0 ingress chain 0 pref 10 handle 0x20 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_hw
tc qdisc show dev eth0
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00205_1 type classifier dev eth0
tc filter del dev eth0 ingress
tc filter add dev eth0 egress chain 0 pref 3 protocol all bpf bytecode '1,6 0 0 0,' skip_sw da
echo 2 > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter replace dev eth0 egress prio 3 bpf obj $PROGS/tc_classid.o sec tc action gact pass index 3 skip_sw
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
tc filter delete dev eth0 egress chain 1 prio 10 handle 2 bpf
tc filter show dev eth0 ingress
