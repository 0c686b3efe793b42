# offload fuzz seed 31
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link add vethA type veth peer name vethB
ip link set vethA up
tc qdisc add dev vethA ingress_block 7 ingress
tc qdisc add dev vethB clsact
tc -s -d filter show block 7
tc filter replace dev eth0 ingress prio 5 handle 2 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
tc filter del block 9
tc filter del dev eth0 ingress prio 5 handle 0x20 bpf
tc filter replace block 7 pref 10 handle 1 bpf obj $PROGS/tc_classid.o da
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc filter add block 1 prio 3 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
tc filter add block 7 prio 1 protocol 802.1q bpf bytecode '1,6 0 0 2,' skip_sw
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
cat /sys/kernel/debug/netdevsim/netdevsim2/bpf_bound_progs/1/state
tc filter replace block 7 chain 0 prio 49152 handle 0x20 bpf bytecode '1,6 0 0 1,' skip_sw classid 1:1
ethtool -K vethA hw-tc-offload on
tc filter add dev eth0 egress chain 2 pref 49152 bpf obj $PROGS/tc_classid.o skip_sw da
tc filter add dev vethB ingress pref 5 handle 1 bpf obj $PROGS/tc_pass.o sec nosuch skip_sw classid 1:1
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_xdpoffload_accept
tc qdisc add dev vethB ingress_block 1 ingress
tc filter add dev eth1 parent ffff:fff3 bpf bytecode '1,6 0 0 0,' da skip_sw
tc filter del dev eth1 ingress chain 2 prio 10 handle 1 bpf
tc filter delete dev eth0 ingress
tc filter add block 7 pref 10 handle 0x20 protocol arp bpf obj $PROGS/tc_classid.o sec tc da
tc qdisc add dev vethB ingress_block 2 clsact
ethtool -K vethA hw-tc-offload on
