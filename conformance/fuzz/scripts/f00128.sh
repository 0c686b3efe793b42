# offload fuzz seed 128
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc replace dev eth1 ingress
ip link set dev eth1 down
tc filter delete dev eth0 ingress chain 1 prio 10 handle 0x20 bpf
tc filter show dev eth9 ingress
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
echo "3 2" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
ip link set eth3 up
ethtool -K eth3 hw-tc-offload on
tc filter add dev eth1 ingress prio 49152 handle 0x20 protocol all bpf obj $PROGS/tc_classid.o sec tc skip_sw da
ethtool -k eth2
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter add dev eth3 egress pref 2 handle 2 bpf obj $PROGS/xdp_pass.o sec xdp skip_sw
tc qdisc add dev eth1 ingress_block 5 ingress
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/1/bpf_offloaded_id
tc filter delete dev eth2 parent ffff:
tc filter replace dev eth0 root prio 5 handle 1 bpf skip_sw bytecode '2,177 0 0 0,6 0 0 0,'
tc filter replace dev eth1 parent ffff: bpf bytecode '1,6 0 0 0,' skip_hw
tc filter delete dev eth2 ingress
echo N > /sys/kernel/debug/netdevsim/netdevsim3/ports/1/bpf_xdpoffload_accept
tc qdisc replace dev eth0 clsact
tc qdisc add dev eth1 ingress_block 7 ingress
tc qdisc add dev eth2 egress_block 2 clsact
tc filter add block 2 prio 49152 handle 2 bpf obj $PROGS/xdp_pass.o sec xdp skip_hw da
echo 1 > /sys/kernel/debug/netdevsim/netdevsim3/bpf_bind_verifier_accept
tc filter show dev eth3 parent 1:
tc filter replace dev eth1 egress pref 5 handle 1 bpf bytecode '1,6 0 0 4294967295,' action gact drop
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00128_0 type classifier
tc filter replace block 2 pref 49152 handle 1 bpf obj $PROGS/tc_pass.o
