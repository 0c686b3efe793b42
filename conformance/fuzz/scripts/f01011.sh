# offload fuzz seed 1011
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 clsact
tc filter show dev eth0 parent ffff: prio 3
tc filter add dev eth0 parent ffff: prio 2 bpf bytecode '1,6 0 0 4294967295,' skip_sw da classid 1:6
tc filter del dev eth0 ingress prio 2
tc chain show dev eth0 ingress
ethtool -K eth0 hw-tc-offload off
tc qdisc del dev eth0 clsact
tc chain show dev eth0 ingress
tc filter add dev eth0 ingress prio 1 bpf bytecode '1,6 0 0 0,' skip_sw da classid 1:8 action ok
tc filter replace dev eth0 ingress pref 49152 bpf bytecode '1,6 0 0 0,' action goto chain 1 skip_hw
ip link set dev eth0 down
tc filter delete dev eth0 ingress prio 3 handle 1 bpf
tc -s filter show dev eth0 ingress
tc filter add dev eth0 ingress chain 2 pref 5 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
