# offload fuzz seed 187
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link add vethA type veth peer name vethB
ip link set vethA up
tc qdisc del dev vethA ingress
tc filter replace dev vethB egress chain 1 pref 5 handle 7 bpf bytecode '2,177 0 0 0,6 0 0 0,'
tc filter show dev eth0 ingress
ip link set dev vethB xdpoffload off
ip link show vethA
tc filter replace dev eth0 ingress handle 7 bpf bytecode '1,6 0 0 0,' da
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f00187_0 type classifier
tc filter get dev vethA ingress protocol all pref 3 handle 0x20 bpf
tc filter replace dev eth0 ingress prio 1 handle 0x20 protocol ip bpf obj $PROGS/xdp_pass.o sec xdp skip_sw
tc -j filter show dev eth0 parent ffff: chain 0
tc filter add dev vethA ingress prio 1 handle 7 bpf bytecode '1,6 0 0 1,' skip_sw da
tc filter del dev vethB root prio 5
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter replace dev vethB parent ffff: prio 3 handle 1 bpf skip_sw da
tc qdisc del dev vethB clsact
