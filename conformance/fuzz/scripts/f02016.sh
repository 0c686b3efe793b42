# offload fuzz seed 2016
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ip link add vethA type veth peer name vethB
ip link set vethA up
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 5 ingress
tc qdisc add dev eth1 clsact
tc qdisc add dev vethB ingress
tc qdisc add dev eth2 ingress
tc filter show dev vethA ingress
echo 99 > /sys/bus/netdevsim/del_device
tc filter delete dev nosuch ingress
tc -d filter show block 5
tc filter add dev eth2 parent 1: prio 3 bpf obj $PROGS/tc_classid.o sec tc da
tc qdisc del dev eth0 ingress
cat /sys/kernel/debug/netdevsim/netdevsim2/bpf_bound_progs/2/state
cat /sys/kernel/debug/netdevsim/netdevsim3/ports/0/bpf_offloaded_id
tc qdisc show dev eth0
tc filter add dev vethA ingress prio 49152 handle 2 bpf obj $PROGS/tc_classid.o skip_sw
tc filter replace dev eth1 ingress chain 0 prio 49152 handle 7 bpf bytecode '1,6 0 0 2,'
tc filter show block 5
ip link set dev vethB up
tc chain show dev eth0 ingress
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
cat /sys/kernel/debug/netdevsim/netdevsim3/ports/0/bpf_tc_non_bound_accept
tc filter delete block 5 prio 49152
