# offload fuzz seed 1033
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc qdisc add dev eth1 ingress
echo N > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_accept
tc filter add dev eth2 ingress pref 1 bpf bc '1,6 0 0 0,' direct-action skip_hw
tc -s filter show dev eth2 ingress
tc filter show dev eth1 ingress
tc -s filter show dev eth9 ingress
tc filter add dev eth0 ingress pref 2 handle 7 bpf da classid 1:1 bytecode '1,6 0 0 1,'
tc filter add dev eth2 ingress prio 5 bpf obj $PROGS/tc_pass.o sec classifier skip_sw da
echo N > /sys/kernel/debug/netdevsim/netdevsim3/ports/0/bpf_xdpoffload_accept
tc chain show block 7
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f01033_0 type classifier dev eth1
tc filter show dev eth1 ingress prio 2
tc filter add dev eth0 ingress chain 0 pref 49152 protocol all bpf skip_sw
tc qdisc del dev eth0 clsact
bpftool prog show pinned /sys/fs/bpf/f01033_0
tc filter replace dev eth2 egress pref 5 handle 1 bpf obj $PROGS/tc_pass.o skip_hw
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_xdpoffload_accept
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc qdisc del dev eth0 clsact
tc filter replace dev eth0 parent ffff:fff3 pref 49152 bpf bytecode '1,6 0 0 2,' skip_hw da classid 1:8
tc filter add dev eth2 ingress prio 3 handle 0x20 bpf bytecode '1,6 0 0 0,' skip_sw
ethtool -K eth0 hw-tc-offload off
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_accept
echo "4 1" > /sys/bus/netdevsim/new_device
ip link set eth3 up
ethtool -K eth3 hw-tc-offload on
