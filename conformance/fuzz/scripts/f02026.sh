# offload fuzz seed 2026
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ip link add vethA type veth peer name vethB
ip link set vethA up
tc qdisc replace dev eth0 ingress_block 1 egress_block 2 clsact
tc qdisc add dev vethB ingress
bpftool -p prog show pinned /sys/fs/bpf/none
tc filter del dev vethB parent ffff: prio 1 handle 0x20 bpf
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f02026_0 type classifier dev eth0
tc qdisc add dev vethA ingress_block 1 clsact
tc filter get block 1 protocol all pref 1 handle 1 bpf
tc filter replace dev vethB parent ffff: preference 2 bpf object-file $PROGS/tc_pass.o section classifier skip_hw
tc filter del block 7
tc filter replace dev vethA ingress pref 1 bpf bytecode '2,6 0 0 0,' skip_sw skip_hw action drop
tc filter replace dev eth0 ingress prio 1 bpf bytecode '1,6 0 0 2,'
tc qdisc del dev vethA clsact
tc qdisc add dev eth0 ingress_block 5 ingress
tc filter add dev eth0 ingress prio 1 bpf bytecode '1,6 0 0 0,' skip_sw
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter replace dev vethA parent ffff: pref 49152 bpf bc '1,6 0 0 0,' skip_sw
ethtool -k vethB
tc filter replace block 1 prio 2 bpf bytecode '1,6 0 0 4294967295,' skip_sw
tc chain show block 1
tc filter replace dev vethB ingress prio 2 handle 7 protocol all bpf obj $PROGS/tc_classid.o sec tc skip_sw da action continue
tc filter add dev vethA ingress chain 0 prio 49152 bpf bytecode '1,6 0 0 4294967295,'
tc qdisc replace dev vethB clsact
tc -p -j qdisc show dev vethA
tc filter add dev eth0 ingress prio 10 handle 0x20 protocol arp bpf bytecode '1,6 0 0 4294967295,' skip_sw
