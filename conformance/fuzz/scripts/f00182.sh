# offload fuzz seed 182
echo "1 1" > /sys/bus/netdevsim/new_device
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 5 ingress
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
ethtool -K eth0 hw-tc-offload on
ethtool -K eth0 hw-tc-offload off
ip link set dev eth0 up
tc filter add dev nosuch ingress chain 0 prio 10 handle 2 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw da
echo 1 > /sys/bus/netdevsim/del_device
tc filter replace dev eth9 ingress prio 1 handle 2 bpf action continue obj $PROGS/tc_pass.o sec classifier classid 1:5 skip_sw da
tc filter add dev nosuch ingress prio 10 bpf skip_sw bytecode '1,6 0 0 1,'
tc qdisc add dev eth0 ingress_block 1 clsact
