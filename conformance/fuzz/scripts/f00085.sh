# offload fuzz seed 85
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ip link add vethA type veth peer name vethB
ip link set vethA up
tc qdisc add dev vethA ingress_block 7 clsact
tc qdisc add dev vethB ingress_block 7 clsact
tc filter add dev nosuch ingress prio 5 bpf bytecode '1,6 0 0 0,' skip_sw
tc -d filter show dev eth0 ingress chain 1
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bound_progs/1/state
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00085_0 type classifier
tc filter add block 7 prio 10 flower action drop
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc -j filter get dev vethB ingress protocol all pref 5 handle 1 bpf
tc filter del block 7 prio 5
tc filter show block 7 chain 0
tc filter add dev nosuch root prio 2 bpf pinned /sys/fs/bpf/f00085_0 da
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
ethtool -K eth0 hw-tc-offload off
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bound_progs/0/state
tc filter show block 7
tc qdisc del dev vethA clsact
tc chain show dev vethB ingress
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
