# offload fuzz seed 64
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ip link add vethA type veth peer name vethB
tc qdisc add dev vethB ingress_block 1 ingress
ip link set dev eth0 xdpoffload off
tc filter replace block 1 prio 10 handle 0x20 bpf bytecode '1,6 0 0 1,' skip_sw da
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K vethB hw-tc-offload on
tc filter add block 5 prio 2 handle 2 protocol all bpf bytecode '1,6 0 0 1,' skip_hw
tc chain show dev eth0 ingress
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc filter show dev vethB ingress prio 3
tc filter add block 1 prio 10 bpf obj $PROGS/tc_pass.o sec classifier skip_sw da
tc filter replace block 1 prio 10 handle 0x20 bpf bytecode '1,6 0 0 2,' skip_sw
