# offload fuzz seed 107
echo "1 1" > /sys/bus/netdevsim/new_device
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 clsact
tc filter add dev eth0 ingress prio 1 protocol ipv6 bpf bytecode '1,6 0 0 4294967295,' skip_hw da
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bound_progs/2/state
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bound_progs/1/loaded
tc filter add dev eth0 root pref 49152 bpf bytecode '1,6 0 0 2,' skip_hw
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
tc filter show dev eth0 parent ffff:
tc chain show dev eth0 root
tc filter add dev eth0 ingress pref 10 bpf obj $PROGS/tc_pass.o sec classifier skip_sw
tc filter add dev eth0 ingress pref 2 flower action drop
tc qdisc add dev eth0 ingress_block 7 clsact
tc filter add dev eth0 parent ffff: bpf obj $PROGS/tc_classid.o da
tc filter del dev eth0 ingress prio 49152
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter add block 1 pref 3 protocol 802.1q bpf skip_sw bytecode '2,177 0 0 0,6 0 0 0,'
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bound_progs/2/state
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
echo "2 1" > /sys/bus/netdevsim/new_device
ethtool -K eth1 hw-tc-offload on
tc filter replace dev eth1 ingress pref 2 handle 7 protocol ipv6 bpf bytecode '1,6 0 0 4294967295,' skip_hw da
tc -j qdisc show dev eth0
tc filter add dev eth0 ingress chain 2 prio 2 handle 7 protocol ip bpf obj $PROGS/tc_classid.o sec tc verbose skip_sw da
