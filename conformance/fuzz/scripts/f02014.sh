# offload fuzz seed 2014
echo "1 1" > /sys/bus/netdevsim/new_device
tc qdisc add dev eth0 clsact
tc filter del dev eth0 ingress prio 2
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
tc filter add dev eth0 ingress pref 2 handle 2 bpf obj $PROGS/tc_pass.o sec classifier verbose skip_sw da
bpftool -p prog show pinned /sys/fs/bpf/none
tc filter add dev eth0 ingress chain 2 handle 0x20 bpf skip_hw classid 1:5
tc filter show block 7
tc filter add dev eth0 ingress prio 10 handle 2 bpf obj $PROGS/tc_pass.o sec classifier skip_sw da
tc chain show dev eth0 ingress
tc -s -d filter show dev eth0 ingress
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f02014_0 type classifier dev eth0
tc filter del dev eth0 ingress prio 2
echo "7 0" > /sys/bus/netdevsim/new_device
bpftool -j prog show pinned /sys/fs/bpf/f02014_0
tc chain show block 2
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bound_progs/1/loaded
tc -s filter show dev eth0 parent ffff:
