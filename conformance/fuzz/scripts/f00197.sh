# offload fuzz seed 197
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc filter add dev eth1 ingress prio 5 bpf obj $PROGS/tc_pass.o
tc filter change dev eth1 parent ffff:fff3 prio 49152 handle 0x20 protocol 802.1q flower skip_sw action drop
echo N > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_non_bound_accept
echo 2 > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_accept
tc filter add dev eth0 root prio 10 bpf bytecode '1,6 0 0 2,' skip_sw
tc filter add dev eth0 ingress pref 3 handle 7 bpf obj $PROGS/tc_classid.o sec tc da
ip link set eth0 down
tc filter replace block 5 pref 1 handle 7 protocol ip bpf obj $PROGS/tc_pass.o skip_sw da
tc filter add dev eth0 ingress pref 3 bpf bytecode '1,6 0 0 4294967295,' skip_sw
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00197_0 type classifier
tc filter add dev eth1 ingress pref 49152 handle 2 bpf obj $PROGS/tc_pass.o sec classifier skip_sw da
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc filter add dev eth1 root pref 49152 protocol ipv6 bpf obj $PROGS/tc_pass.o skip_sw da
cat /sys/kernel/debug/netdevsim/netdevsim2/bpf_bound_progs/1/state
tc filter add dev eth2 ingress prio 2 protocol arp bpf obj $PROGS/tc_classid.o da
echo "4 1" > /sys/bus/netdevsim/new_device
ip link set eth3 up
ethtool -K eth3 hw-tc-offload on
tc -s filter show dev eth3 egress
