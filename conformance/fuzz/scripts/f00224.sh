# offload fuzz seed 224
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link add vethA type veth peer name vethB
ip link set vethA up
tc qdisc change dev eth0 ingress_block 2 ingress
tc qdisc add dev vethA ingress_block 5 clsact
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bound_progs/0/state
tc filter show dev vethB ingress
tc qdisc add dev eth0 clsact
tc filter replace dev vethB ingress prio 10 handle 0x20 bpf bytecode '1,6 0 0 1,' skip_sw classid 1:7
ip link set dev vethB xdpoffload obj $PROGS/xdp_pass.o sec xdp
tc filter add block 5 u32 match u32 0 0
tc filter show block 5
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc -d qdisc show
tc filter replace dev vethA parent ffff: handle 1 bpf bytecode '1,6 0 0 1,' skip_sw
tc qdisc add dev eth0 ingress_block 7 clsact
ethtool -K eth0 hw-tc-offload off
tc filter add dev vethA ingress prio 10 handle 0x20 bpf bytecode '1,6 0 0 1,' skip_sw
tc qdisc add dev vethB ingress_block 2 ingress
tc -s qdisc show dev vethB
tc -s -d filter show dev vethA ingress
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_xdpoffload_accept
tc filter add dev vethA ingress pref 3 protocol all bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_hw action pass
tc qdisc del dev vethB ingress
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bound_progs/1/loaded
tc filter replace dev eth0 egress prio 10 handle 2 bpf skip_hw classid 1:6 bytecode '1,6 0 0 2,'
