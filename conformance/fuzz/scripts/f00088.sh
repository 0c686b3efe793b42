# offload fuzz seed 88
echo "1 1" > /sys/bus/netdevsim/new_device
ethtool -K eth0 hw-tc-offload on
tc filter add dev eth0 ingress pref 2 handle 0x20 protocol ip bpf bytecode '1,6 0 0 1,' skip_hw
tc filter add dev eth0 ingress prio 5 bpf bytecode '1,6 0 0' skip_sw da
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc del dev eth1 ingress
tc -d filter show dev eth0 parent ffff:fff3
tc filter add dev eth1 egress pref 2 handle 2 bpf bytecode '1,6 0 0 0,' skip_sw classid 1:7 action pass
tc filter get dev eth1 ingress protocol all pref 5 handle 2 bpf
echo "3 2" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
ethtool -K eth3 hw-tc-offload on
tc -d filter show dev eth3 parent ffff: chain 1
tc filter show dev eth2 ingress
tc chain show dev eth3 parent ffff:
tc filter add dev eth3 ingress prio 5 bpf bytecode '1,6 0 0 2,' skip_sw action drop
tc filter delete dev eth2 ingress
tc filter del dev eth3 ingress prio 5
echo Y > /sys/kernel/debug/netdevsim/netdevsim3/ports/1/bpf_tc_non_bound_accept
tc -d filter show dev eth0 parent ffff:
tc filter del dev eth1 ingress prio 5
tc filter delete dev eth3 ingress
tc qdisc add dev eth2 ingress_block 2 ingress
tc filter change block 2 prio 5 bpf bytecode '1,6 0 0 2,' action pipe
tc filter replace dev eth2 egress prio 2 handle 2 bpf skip_sw
echo "4 1" > /sys/bus/netdevsim/new_device
ip link set eth4 up
tc qdisc show dev eth1 clsact
tc -s qdisc show
echo "5 1" > /sys/bus/netdevsim/new_device
ip link set eth5 up
tc filter delete dev eth5 ingress prio 2
echo 2 > /sys/kernel/debug/netdevsim/netdevsim3/ports/0/bpf_tc_accept
tc filter add block 2 prio 10 bpf bytecode '1,6 0 0 4294967295,' skip_sw
