# offload fuzz seed 185
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
ip link add vethA type veth peer name vethB
ip link set vethA up
tc qdisc replace dev eth1 clsact
tc qdisc add dev vethA ingress
tc chain show dev vethA parent ffff:fff3
tc filter add dev vethB egress pref 2 protocol 802.1q bpf bytecode '1,6 0 0 0,' skip_sw da
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter show dev vethA egress
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bound_progs/1/state
tc filter change dev eth0 ingress pref 2 handle 0x20 bpf obj $PROGS/tc_classid.o skip_sw classid 1:6
tc qdisc show
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter add dev eth1 ingress prio 1 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw action ok
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter add dev eth1 ingress prio 1 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
tc filter replace dev vethB ingress pref 2 handle 7 bpf obj $PROGS/tc_classid.o sec tc skip_sw da
tc filter replace dev eth9 egress prio 3 handle 2 bpf bytecode '1,6 0 0 2,' skip_sw da
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f00185_0 type classifier
