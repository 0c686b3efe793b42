# offload fuzz seed 2021
echo "1 2" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link set eth1 up
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 1 clsact
tc qdisc add dev eth1 clsact
cat /sys/bus/netdevsim/del_device
tc filter replace dev nosuch ingress pref 5 handle 0x20 protocol all bpf bytecode '1,21 0 5 0,'
tc filter replace block 1 prio 5 handle 1 protocol all bpf obj $PROGS/tc_pass.o sec classifier skip_sw da classid 1:2 action continue
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter replace block 1 pref 5 handle 0x20 bpf obj $PROGS/tc_classid.o skip_sw da classid 1:8
tc -j filter show dev eth1 ingress
tc filter add block 1 pref 10 bpf bytecode '1,6 0 0 0,' skip_sw
ip -force link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec nosuch
ethtool -K eth1 hw-tc-offload off
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f02021_0 type classifier dev eth2
ip -j link show eth2
tc filter del block 1
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/1/bpf_tc_accept
