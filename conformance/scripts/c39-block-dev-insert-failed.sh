# 6.12: a device joins a shared block's device list once (block->ports)
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
tc qdisc add dev eth0 ingress_block 5 egress_block 5 clsact
tc qdisc show dev eth0
tc qdisc add dev eth0 ingress_block 5 egress_block 6 clsact
tc qdisc show dev eth0
tc qdisc del dev eth0 clsact
tc qdisc add dev eth0 ingress_block 5 ingress
tc qdisc show dev eth0
