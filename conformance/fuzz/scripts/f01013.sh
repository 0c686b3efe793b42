# offload fuzz seed 1013
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 2" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
ip link set eth2 up
ip link add vethA type veth peer name vethB
ip link set vethA up
tc qdisc add dev eth0 ingress_block 5 egress_block 7 clsact
tc qdisc add dev eth2 ingress_block 1 ingress
tc qdisc add dev vethA clsact
tc qdisc add dev vethB egress_block 3 clsact
tc qdisc add dev eth0 ingress_block 2 ingress
tc qdisc del dev vethA clsact
tc qdisc show dev eth2
tc filter del dev eth2 ingress prio 5
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/1/bpf_offloaded_id
tc filter delete dev eth0 ingress prio 5
ethtool -k eth0
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_accept
tc qdisc add dev vethA egress_block 3 clsact
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/1/bpf_tc_accept
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/1/bpf_offloaded_id
tc filter add dev eth2 root pref 1 bpf bc '1,6 0 0 0,' action trap skip_sw
tc filter replace block 1 pref 49152 bpf bytecode '1,6 0 0 0,'
tc qdisc show dev vethA handle ffff:
tc qdisc change dev eth0 ingress_block 2 clsact
tc filter replace dev vethA ingress pref 1 protocol ipv6 bpf bytecode '1,6 0 0 0,' action pass
tc filter add dev eth0 ingress pref 10 protocol arp flower action drop
tc filter replace block 1 prio 49152 handle 7 protocol 802.1q bpf bytecode '1,6 0 0 2,' skip_sw da action pipe
