# offload fuzz seed 223
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter show dev eth0 ingress
tc filter add dev eth0 ingress pref 49152 bpf bytecode '2,177 0 0 0,6 0 0 0,'
tc filter add dev eth0 root prio 1 bpf bytecode '1,6 0 0 1,'
tc qdisc show dev eth0 ingress
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter replace block 9 pref 49152 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
tc filter replace dev eth0 parent ffff: prio 1 handle 1 bpf obj $PROGS/tc_pass.o sec classifier skip_sw da action pass
tc filter show dev eth0 ingress
tc -s -j filter show dev eth0 ingress prio 49152
