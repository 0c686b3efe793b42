# offload fuzz seed 33
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ip link add vethA type veth peer name vethB
tc qdisc add dev eth0 clsact
tc qdisc add dev eth1 clsact
tc qdisc add dev vethA ingress
tc qdisc add dev vethB ingress_block 2 ingress
tc filter add dev vethB egress prio 1 handle 1 bpf bytecode '1,6 0 0 2,' skip_sw da
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
ethtool -K eth1 hw-tc-offload on
ip link set dev vethA xdpoffload obj $PROGS/xdp_pass.o sec nosuch
tc qdisc del dev vethB ingress
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f00033_0 type classifier dev eth0
tc filter del dev vethA ingress
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
tc filter replace dev eth0 egress chain 1 handle 2 bpf obj $PROGS/tc_classid.o sec tc da
tc filter add dev vethA egress prio 5 bpf bytecode '1,6 0 0 2,' skip_sw
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
tc filter get dev nosuch ingress protocol all pref 5 handle 1 bpf
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
tc filter add dev eth1 ingress prio 5 bpf bytecode '1,6 0 0 1,' skip_hw
tc filter del dev vethB ingress prio 2 handle 1 bpf
tc filter add dev vethB ingress protocol arp bpf obj $PROGS/tc_classid.o skip_hw da
tc chain show dev vethB ingress
tc filter replace dev vethB parent ffff: prio 1 handle 7 matchall skip_sw action drop
