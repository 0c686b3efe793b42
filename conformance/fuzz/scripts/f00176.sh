# offload fuzz seed 176
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 5 clsact
tc qdisc add dev eth0 ingress_block 7 clsact
tc filter add block 5 pref 1 handle 1 bpf obj $PROGS/tc_pass.o sec nosuch skip_sw
tc filter add block 5 pref 2 bpf skip_sw obj $PROGS/tc_pass.o
ip link set dev eth0 down
tc filter add block 5 prio 10 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_hw
tc qdisc add dev eth0 clsact
tc -s -d filter show block 5
ip link set eth0 up
echo 2 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter replace dev eth0 ingress prio 10 handle 2 protocol all bpf obj $PROGS/tc_classid.o sec tc skip_sw classid 1:4
tc qdisc show dev eth0 clsact
tc qdisc show
tc qdisc del dev eth0 clsact
tc chain show dev eth0 ingress
tc qdisc del dev eth0 ingress
tc filter add dev eth0 ingress pref 5 u32 match u32 0 0
ip link show eth0
ethtool -K eth0 tc-offload on
tc filter delete dev eth0 ingress prio 1
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
