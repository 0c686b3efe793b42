# offload fuzz seed 173
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo N > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_accept
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter add dev eth0 ingress pref 1 handle 7 bpf da skip_sw obj $PROGS/tc_classid.o
tc filter show dev eth0 ingress
tc filter add dev eth0 ingress pref 2 handle 2 flower action drop
tc filter add dev eth0 egress pref 10 handle 1 bpf obj $PROGS/tc_classid.o skip_sw da
tc -d filter show dev eth0 egress
tc -d filter show dev eth0 ingress
tc filter add dev eth0 ingress pref 1 bpf bytecode '1,21 0 5 0,' skip_sw action gact drop
tc filter add dev eth0 parent ffff: prio 10 handle 2 protocol ip bpf skip_sw obj $PROGS/tc_pass.o
tc filter show dev eth0 ingress
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f00173_0 type classifier dev eth0
tc filter delete dev eth0 root prio 2
tc filter add dev nosuch root pref 5 handle 2 protocol all bpf skip_sw action drop bytecode '1,4 0 0 0,' classid 1:5
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc del dev eth0 clsact
tc filter show dev eth0 ingress
tc qdisc show
tc filter add dev eth0 egress pref 5 bpf bytecode '1,6 0 0 2,' skip_sw da
tc filter add dev eth1 ingress prio 2 flower skip_sw action drop
tc filter add dev eth1 ingress prio 2 bpf bytecode '1,6 0 0 2,' skip_sw da
tc chain show dev eth0 ingress
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
