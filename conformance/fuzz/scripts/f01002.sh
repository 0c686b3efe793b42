# offload fuzz seed 1002
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress
tc qdisc del dev eth0 ingress
echo 2 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
tc filter add dev eth0 root chain 1 prio 5 handle 1 protocol ip bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_hw classid 1:1
tc qdisc add dev eth0 ingress_block 1 ingress
tc filter add dev eth0 ingress prio 1 handle 7 protocol ip bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_hw da
tc filter delete block 1
tc filter replace dev eth0 egress priority 2 bpf obj $PROGS/tc_classid.o sec tc action goto chain 1 skip_sw
tc filter delete dev eth0 ingress prio 1
tc filter get block 1 protocol all pref 2 handle 1 bpf
