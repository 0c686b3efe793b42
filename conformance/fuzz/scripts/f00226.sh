# offload fuzz seed 226
echo "1 2" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter show dev eth0 egress
tc filter replace dev eth1 ingress prio 3 bpf bytecode '1,6 0 0 1,' skip_sw action continue
tc filter replace dev eth0 ingress prio 5 handle 2 bpf bytecode '1,6 0 0 0,' skip_sw da
tc qdisc show dev eth0
tc filter add dev eth0 egress pref 2 handle 1 protocol 802.1q bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_hw da classid 1:8
tc -j filter show dev eth0 parent 1:
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
tc filter replace dev eth0 ingress pref 3 handle 1 bpf bytecode '1,6 0 0 4294967295,' skip_sw
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter replace dev eth0 ingress prio 3 handle 0x20 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_hw
echo 1 > /sys/bus/netdevsim/del_device
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f00226_0 type classifier dev eth2
tc -j qdisc show dev eth2
tc filter add dev eth2 parent ffff: prio 49152 bpf obj /nonexistent.o
tc qdisc show dev eth2 ingress
ip link set dev eth2 up
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter replace dev eth2 ingress pref 3 handle 2 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
echo N > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
ip link set dev eth2 xdpoffload obj $PROGS/xdp_pass.o sec nosuch
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00226_1 type classifier dev eth2
