# a fresh namespace: lo is down (no qdisc), netdevsim ports carry an empty VF list
tc qdisc show
tc -s qdisc show
ip link show lo
echo "1 1" > /sys/bus/netdevsim/new_device
ip -j link show eth0
ip link show eth0
tc qdisc show
ip link set lo up
tc qdisc show
