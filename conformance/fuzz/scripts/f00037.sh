# offload fuzz seed 37
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
echo "2 2" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
ip link add vethA type veth peer name vethB
tc qdisc change dev eth0 ingress_block 1 ingress
tc qdisc replace dev eth1 ingress_block 5 clsact
tc qdisc add dev eth2 ingress_block 5 ingress
tc qdisc add dev vethA egress_block 2 clsact
tc qdisc add dev vethB clsact
tc -j filter get block 2 protocol all pref 3 handle 2 bpf
tc filter show block 2 chain 0
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
tc filter add block 2 prio 2 bpf bytecode '1,6 0 0 2,' skip_sw
tc qdisc add dev vethB egress_block 3 clsact
tc qdisc add dev eth0 ingress_block 5 clsact
ip link set dev eth2 xdpoffload off
tc qdisc del dev eth1 clsact
tc qdisc show dev eth1
tc filter add block 2 pref 1 handle 1 bpf bytecode '1,6 0 0 0,' skip_sw da
tc qdisc add dev eth2 ingress
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/1/bpf_offloaded_id
tc -d qdisc show dev eth1
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
ip link set dev vethB xdpoffload off
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth3 up
ethtool -K eth3 hw-tc-offload on
tc qdisc replace dev eth3 ingress_block 7 clsact
