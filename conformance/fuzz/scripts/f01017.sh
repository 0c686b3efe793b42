# offload fuzz seed 1017
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc qdisc add dev eth0 ingress_block 7 ingress
tc filter add block 7 pref 1 handle 7 bpf obj $PROGS/tc_pass.o sec classifier skip_sw skip_sw da
tc filter add dev eth0 ingress prio 49152 handle 0x20 bpf obj $PROGS/tc_pass.o verbose da
ip link show eth0
echo 2 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter replace dev eth0 root pref 49152 handle 0x20 bpf bytecode '1,6 0 0 0,' skip_sw da action pass
tc filter add dev eth0 ingress priority 10 bpf bc '1,6 0 0 0,' skip_hw
tc qdisc del dev eth0 ingress
echo 1 > /sys/bus/netdevsim/del_device
