# offload fuzz seed 1026
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ethtool -K eth0 hw-tc-offload on
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc -s filter show dev eth0 ingress
tc filter del dev eth0 ingress prio 3
echo 99 > /sys/bus/netdevsim/del_device
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
echo 1 > /sys/bus/netdevsim/del_device
echo 2 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
ethtool -K eth9 hw-tc-offload off
tc filter del dev eth9 egress prio 3 handle 2 bpf
ethtool -K eth9 hw-tc-offload off
tc filter change block 2 pref 3 handle 2 bpf bytecode '1,6 0 0 1,' skip_sw
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f01026_0 type classifier
ethtool -K eth9 hw-tc-offload on
tc filter replace dev eth9 ingress priority 2 bpf bc '1,6 0 0 0,' classid 1:7 skip_hw
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter add dev eth0 ingress chain 0 prio 3 flower skip_sw action drop
tc filter show dev eth9 ingress protocol all prio 2
tc filter add dev eth0 parent 1: prio 2 bpf bytecode '1,6 0 0 1,' skip_sw classid 1:8
tc filter replace dev eth0 root pref 2 handle 7 bpf
