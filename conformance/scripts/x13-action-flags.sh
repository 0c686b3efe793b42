# an action's own skip_sw/skip_hw: tcf_action_init() checks them against the filter's flags
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 clsact
tc filter add dev eth0 ingress prio 1 bpf action continue skip_sw
tc filter add dev eth0 ingress prio 1 bpf bytecode '1,6 0 0 0,' action drop skip_hw
tc filter add dev eth0 ingress prio 1 bpf bytecode '1,6 0 0 0,' skip_hw action drop skip_hw
tc filter add dev eth0 ingress prio 2 matchall skip_hw action drop skip_hw
tc filter add dev eth0 ingress prio 3 matchall action drop skip_sw
tc filter add dev eth0 ingress prio 4 bpf
tc filter show dev eth0 ingress
