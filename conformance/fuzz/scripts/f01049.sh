# offload fuzz seed 1049
echo "1 1" > /sys/bus/netdevsim/new_device
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
ip link add vethA type veth peer name vethB
ip link set vethA up
tc qdisc add dev eth0 clsact
tc qdisc replace dev eth1 ingress_block 7 egress_block 7 clsact
tc qdisc add dev eth2 ingress
tc qdisc add dev vethB ingress
tc -p -j qdisc show dev eth2
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth2 egress_block 7 clsact
tc filter del block 7
tc -s -d filter show dev vethA ingress
tc filter replace dev vethB parent ffff: prio 3 handle 0x20 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
tc filter show block 7 prio 3
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc qdisc add dev eth1 ingress
tc filter add dev eth0 ingress prio 49152 handle 2 bpf bytecode '1,6 0 0 4294967295,' skip_sw
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc qdisc show dev lo
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
ethtool -K eth2 hw-tc-offload off
echo 0 > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_accept
tc filter replace block 7 handle 2 flower skip_sw
tc -j filter get dev vethA egress protocol all pref 49152 handle 0x20 bpf
tc filter change dev eth1 ingress prio 3 handle 2 bpf bytecode '1,6 0 0 0,' skip_sw skip_hw
echo Y > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_accept
