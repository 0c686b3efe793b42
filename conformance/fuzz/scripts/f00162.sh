# offload fuzz seed 162
echo "1 2" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth0 clsact
tc qdisc add dev eth1 ingress
ip -j link show eth0
tc filter show dev eth1 parent 1:
tc qdisc show
ethtool -K eth1 hw-tc-offload off
tc filter show dev eth1 ingress
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f00162_0 type classifier dev eth0
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec nosuch
tc filter replace dev eth1 egress prio 10 handle 7 bpf obj $PROGS/tc_classid.o sec tc skip_hw da
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/1/bpf_tc_accept
tc filter add dev eth0 parent 1: pref 3 handle 0x20 bpf bytecode '2,177 0 0 0,6 0 0 0,'
