# classid, da and name round-trip in text and JSON dumps of offloaded and software filters
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 clsact
tc filter add dev eth0 ingress prio 3 handle 0x7 bpf skip_sw da obj $PROGS/tc_classid.o sec tc classid 1:7
tc filter add dev eth0 ingress prio 4 bpf skip_hw obj $PROGS/tc_pass.o sec classifier classid ff:1
tc filter show dev eth0 ingress
tc -j filter show dev eth0 ingress
tc filter show dev eth0 ingress prio 3 handle 0x7 protocol all bpf
