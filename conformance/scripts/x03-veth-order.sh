# a veth pair's peer is registered first: lower ifindex, listed first
ip link add vethA type veth peer name vethB
tc qdisc show
ip link show vethA
ip link show vethB
ip link set vethA up
ip link show vethA
tc qdisc add dev vethA clsact
tc qdisc add dev vethB ingress
tc qdisc show
ip link set vethB up
ip link show vethA
tc -j qdisc show
ip link add vethC type veth peer name vethD
tc qdisc add dev vethD ingress
tc qdisc add dev vethC ingress
tc qdisc show
ip link del vethD
tc qdisc show
