# offload fuzz seed 68
echo "1 2" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
tc qdisc add dev eth0 ingress_block 5 egress_block 7 clsact
tc qdisc add dev eth2 ingress_block 1 ingress
tc qdisc del dev eth1 ingress
tc filter add dev eth2 ingress prio 49152 handle 2 bpf obj $PROGS/xdp_pass.o sec xdp skip_sw da
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
tc qdisc add dev eth1 egress_block 7 clsact
tc filter replace dev eth0 ingress prio 49152 handle 0x20 protocol ip bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_hw
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00068_0 type classifier dev eth0
echo 0 > /sys/kernel/debug/netdevsim/netdevsim2/bpf_bind_accept
tc filter replace block 5 prio 49152 protocol ipv6 bpf obj $PROGS/xdp_pass.o sec xdp classid 1:2
tc filter delete block 2
tc filter show dev eth1 ingress
tc filter del block 5 prio 3 handle 0x20 bpf
tc filter replace dev eth2 parent ffff: prio 49152 handle 0x20 protocol all bpf skip_sw bytecode '1,4 0 0 0,'
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f00068_1 type classifier dev eth1
tc filter delete dev eth2 egress prio 49152
