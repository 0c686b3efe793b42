# offload fuzz seed 70
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 2" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 7 clsact
tc qdisc change dev eth1 ingress_block 1 ingress
tc filter add dev eth0 ingress pref 2 bpf bytecode '1,6 0 0 1,' skip_sw skip_hw
ip link set dev eth1 xdpoffload obj $PROGS/xdp_pass.o sec xdp
echo N > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_accept
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f00070_0 type classifier dev eth0
tc filter add dev eth2 egress chain 1 prio 2 bpf skip_sw skip_hw obj $PROGS/tc_pass.o da
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth3 up
ethtool -K eth3 hw-tc-offload on
tc filter add block 7 prio 10 bpf bytecode '2,177 0 0 0,6 0 0 0,' da
tc filter add dev eth2 parent 1: pref 49152 handle 7 bpf bytecode '1,6 0 0 0,' skip_sw
echo Y > /sys/kernel/debug/netdevsim/netdevsim2/bpf_bind_accept
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter add dev eth3 ingress pref 1 handle 1 bpf obj $PROGS/tc_classid.o skip_hw da action continue
tc filter replace dev eth2 egress pref 5 handle 2 protocol arp bpf obj $PROGS/tc_classid.o skip_sw da
tc filter add dev eth3 ingress pref 2 bpf obj $PROGS/tc_pass.o da
