# offload fuzz seed 2005
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link add vethA type veth peer name vethB
ip link set vethA up
tc qdisc add dev eth0 clsact
tc qdisc replace dev vethA egress_block 3 clsact
tc qdisc add dev vethB ingress
tc filter add dev vethA egress prio 5 handle 0x20 bpf bytecode '1,6 0 0 1,' skip_sw
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
ip link set dev eth0 xdpoffload off
tc filter add block 3 pref 10 bpf obj $PROGS/tc_classid.o sec tc classid 1:7 skip_hw
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc qdisc del dev eth0 clsact
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
ethtool -K vethA hw-tc-offload on
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
tc filter add dev vethB root pref 1 handle 0x20 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_hw
tc qdisc del dev eth0 parent ffff:
tc filter replace dev eth0 parent ffff: prio 10 bpf bytecode '1,6 0 0 4294967295,' skip_sw da
tc filter add block 3 pref 3 bpf bytecode '1,6 0 0 4294967295,' skip_sw
tc qdisc show dev vethA
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
ethtool -K nosuch tc-offload on
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter add dev eth0 ingress prio 10 protocol ip bpf bytecode '1,6 0 0 0,' da
tc filter add block 3 priority 1 bpf bc '1,6 0 0 0,' action goto chain 1
tc chain show dev vethA ingress
echo 1 > /sys/bus/netdevsim/del_device
