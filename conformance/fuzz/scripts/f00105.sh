# offload fuzz seed 105
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
ip link add vethA type veth peer name vethB
ip link set vethA up
tc qdisc add dev eth0 ingress_block 7 ingress
tc qdisc add dev eth1 ingress_block 5 ingress
tc qdisc add dev vethA egress_block 7 clsact
tc qdisc replace dev vethB ingress_block 1 clsact
tc qdisc add dev eth0 ingress_block 5 clsact
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
tc filter delete block 7 prio 1
tc qdisc add dev vethA ingress
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bound_progs/1/loaded
tc filter replace block 2 prio 1 bpf obj $PROGS/tc_classid.o classid 1:4
tc filter del block 5
tc filter change block 7 handle 1 bpf obj /nonexistent.o skip_hw
tc filter add dev vethB ingress pref 2 handle 1 bpf bytecode '1,6 0 0 4294967295,' skip_sw classid 1:6
cat /sys/kernel/debug/netdevsim/netdevsim3/bpf_bound_progs/0/loaded
tc filter add dev eth2 egress pref 3 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw da
echo 2 > /sys/bus/netdevsim/del_device
tc qdisc add dev vethB ingress_block 5 clsact
tc filter get block 7 protocol all pref 2 handle 2 bpf
tc filter add dev eth2 parent ffff: handle 7 protocol arp bpf bytecode '1,6 0 0 2,' skip_sw
tc filter add dev eth0 ingress prio 2 protocol arp bpf bytecode '1,6 0 0 1,'
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00105_0 type classifier dev eth0
tc filter delete dev vethB egress prio 3 handle 1 bpf
tc filter show dev vethA ingress
tc filter add dev vethA ingress pref 3 protocol all bpf obj $PROGS/tc_pass.o sec classifier skip_sw skip_sw da classid 1:3
echo "4 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
bpftool prog show pinned /sys/fs/bpf/f00105_0
tc qdisc add dev vethA ingress_block 2 ingress
tc filter replace dev vethB ingress prio 2 matchall skip_sw action drop
tc filter add dev eth0 egress prio 10 handle 7 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
tc filter show dev eth2 ingress
tc filter show block 1
