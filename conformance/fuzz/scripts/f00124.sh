# offload fuzz seed 124
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
echo "3 1" > /sys/bus/netdevsim/new_device
ip link add vethA type veth peer name vethB
ip link set vethA up
tc qdisc add dev eth0 ingress_block 5 ingress
tc qdisc replace dev eth2 clsact
tc qdisc replace dev vethA ingress
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc -s qdisc show dev vethA ingress
tc filter add dev vethB ingress prio 5 handle 2 bpf bytecode '1,6 0 0 2,' skip_sw da
tc filter add dev eth0 ingress bpf bytecode '1,6 0 0 0,' skip_sw
ethtool -K vethA hw-tc-offload on
tc -d filter show block 5
echo 0 > /sys/kernel/debug/netdevsim/netdevsim2/bpf_bind_verifier_accept
tc -s -d filter show block 5
tc filter add dev vethB ingress prio 49152 bpf bytecode '1,6 0 0 0,' skip_sw classid 1:5
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f00124_0 type classifier
tc filter add block 5 pref 1 handle 7 bpf bytecode '2,177 0 0 0,6 0 0 0,' action pass
echo N > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
tc filter add dev eth1 parent ffff: prio 3 matchall action drop
tc filter add dev eth1 ingress pref 5 u32 match u32 0 0
tc -j filter show block 5
tc qdisc add dev vethA ingress_block 2 ingress
tc filter add block 5 prio 10 handle 7 bpf bytecode '1,6 0 0 4294967295,' skip_sw
tc qdisc del dev eth0 ingress
echo N > /sys/kernel/debug/netdevsim/netdevsim3/ports/0/bpf_tc_accept
tc qdisc del dev vethB ingress
tc filter replace dev vethA parent ffff:fff3 pref 3 handle 0x20 protocol 802.1q bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
cat /sys/kernel/debug/netdevsim/netdevsim3/bpf_bound_progs/1/loaded
