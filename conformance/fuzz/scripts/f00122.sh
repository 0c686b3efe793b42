# offload fuzz seed 122
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
tc qdisc add dev eth0 ingress
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter show dev eth0 root chain 1
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter show dev eth0 ingress
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bound_progs/2/state
tc -j qdisc show
tc filter add dev eth0 ingress pref 1 bpf obj $PROGS/tc_classid.o sec tc skip_sw da
tc filter add dev eth0 parent ffff:fff3 prio 49152 bpf action continue skip_sw
tc -s filter show dev eth0 parent ffff: prio 49152
tc filter replace block 7 chain 0 bpf bytecode '1,6 0 0 2,' skip_sw
tc qdisc del dev eth0 ingress
ip link set dev eth0 up
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter add dev eth0 egress chain 1 prio 1 bpf bytecode '1,6 0 0 4294967295,' skip_hw da
tc qdisc add dev eth0 clsact
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f00122_0 type classifier dev eth0
tc filter replace dev eth0 ingress chain 1 prio 1 handle 0x20 bpf obj $PROGS/tc_classid.o skip_sw da classid 1:8 action ok
ethtool -k eth0
tc qdisc show dev eth0
ip link show eth0
tc qdisc del dev eth0 clsact
tc filter replace dev eth0 ingress pref 1 handle 0x20 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_hw da
