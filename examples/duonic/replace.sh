# Two filters fill both slots of eth0, then the first is replaced.
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress
tc filter add dev eth0 ingress prio 1 handle 1 bpf skip_sw da obj $PROGS/tc_pass.o sec classifier
tc filter add dev eth0 ingress prio 2 handle 1 bpf skip_sw da obj $PROGS/tc_pass.o sec classifier
tc filter replace dev eth0 ingress prio 2 handle 1 bpf skip_sw da obj $PROGS/tc_drop_udp9.o sec classifier
tc filter show dev eth0 ingress
audit
