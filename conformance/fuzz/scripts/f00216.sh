# offload fuzz seed 216
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth1 ingress
echo 1 > /sys/kernel/debug/netdevsim/netdevsim2/bpf_bind_verifier_delay
tc filter add dev eth1 ingress pref 3 bpf obj $PROGS/xdp_pass.o sec xdp skip_sw da
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc filter add dev eth1 egress pref 3 bpf obj $PROGS/tc_pass.o skip_sw
cat /sys/kernel/debug/netdevsim/netdevsim2/bpf_bound_progs/1/loaded
tc filter change dev eth2 parent ffff: pref 1 bpf obj $PROGS/tc_classid.o sec tc skip_sw
tc qdisc add dev eth2 ingress_block 2 clsact
tc filter get block 2 protocol all pref 1 handle 1 bpf
tc filter add dev eth1 ingress prio 3 protocol arp bpf skip_sw da bytecode '1,6 0 0 4294967295,'
tc filter add block 2 prio 2 handle 1 protocol 802.1q bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
cat /sys/kernel/debug/netdevsim/netdevsim3/ports/0/bpf_offloaded_id
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec nosuch
