# offload fuzz seed 183
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link add vethA type veth peer name vethB
tc qdisc add dev eth0 clsact
tc qdisc add dev vethB ingress_block 7 clsact
tc qdisc del dev vethA clsact
tc filter del dev eth9 parent ffff: prio 1 handle 1 bpf
tc -j filter show block 7
tc filter add block 9 pref 10 handle 0x20 bpf classid 1:6 obj $PROGS/tc_classid.o da
tc filter replace block 7 pref 1 handle 0x20 protocol 802.1q bpf obj $PROGS/tc_pass.o skip_sw da
echo N > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
tc qdisc del dev vethB clsact
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter change dev vethB parent 1: chain 2 prio 49152 bpf bytecode '1,6 0 0 4294967295,' classid 1:2
tc filter add dev vethA ingress prio 1 protocol ip bpf obj $PROGS/tc_classid.o da
tc filter add dev vethB ingress prio 1 bpf bytecode '2,177 0 0 0,6 0 0 0,'
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
ethtool -K vethA hw-tc-offload on
