# offload fuzz seed 2018
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
ip link add vethA type veth peer name vethB
tc qdisc replace dev eth0 ingress_block 2 egress_block 3 clsact
tc qdisc add dev eth1 ingress_block 7 ingress
tc qdisc replace dev vethA clsact
tc qdisc add dev vethB clsact
tc filter add dev eth0 ingress pref 3 matchall skip_sw action drop
tc filter add block 9 pref 3 handle 2 bpf obj $PROGS/tc_pass.o skip_sw skip_hw da classid 1:1
tc qdisc add dev vethA clsact
tc filter add dev eth1 ingress prio 3 handle 1 bpf bytecode '1,6 0 0 4294967295,' skip_sw
tc filter replace dev eth1 ingress priority 5 bpf object-file $PROGS/tc_pass.o section classifier skip_sw
tc filter change block 2 prio 5 bpf bytecode '1,6 0 0 4294967295,' skip_sw
tc filter add dev eth1 ingress prio 49152 bpf obj /nonexistent.o
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f02018_0 type classifier
tc qdisc del dev vethA ingress
tc filter add dev vethB egress prio 2 handle 1 bpf bytecode '1,6 0 0 4294967295,' skip_sw skip_hw
tc filter replace dev vethB parent ffff: pref 3 handle 7 bpf obj $PROGS/tc_pass.o skip_sw da
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
tc filter replace dev eth1 ingress pref 10 handle 2 bpf obj $PROGS/tc_pass.o sec classifier da
tc -s -d -j filter show dev vethA ingress
tc filter show dev vethA ingress protocol ip
