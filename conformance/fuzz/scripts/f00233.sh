# offload fuzz seed 233
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
tc qdisc change dev eth1 ingress_block 5 egress_block 3 clsact
tc filter get dev eth1 ingress protocol all pref 49152 handle 0x20 bpf
tc filter add dev eth0 ingress bpf obj $PROGS/xdp_pass.o sec xdp skip_sw action ok
tc filter delete dev eth1 ingress prio 49152 handle 0x20 bpf
tc filter replace dev eth1 ingress prio 49152 bpf bytecode '1,6 0 0 2,' classid 1:2
tc -s filter show dev eth1 ingress
tc -j qdisc show
ethtool -K eth1 hw-tc-offload on
echo 2 > /sys/bus/netdevsim/del_device
echo 1 > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_non_bound_accept
tc filter add dev eth0 parent 1: pref 10 handle 7 protocol ipv6 bpf obj $PROGS/tc_pass.o skip_hw da
tc filter add dev eth0 ingress prio 3 handle 0x20 bpf bytecode '1,6 0 0 0,' classid 1:6
echo 1 > /sys/bus/netdevsim/del_device
tc filter add dev eth9 ingress pref 3 handle 7 bpf bytecode '1,6 0 0 4294967295,' skip_hw
tc -j qdisc show dev eth9
tc qdisc del dev eth0 ingress
tc filter add dev eth9 ingress prio 1 bpf skip_sw skip_hw bytecode '1,6 0 0 4294967295,'
tc filter add dev eth9 ingress chain 0 pref 1 bpf obj /nonexistent.o skip_sw action gact pass index 3
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f00233_0 type classifier
tc -s filter show dev eth9 ingress
