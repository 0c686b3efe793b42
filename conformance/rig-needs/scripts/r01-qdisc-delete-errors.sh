# tc_get_qdisc for RTM_DELQDISC: every way a delete can miss (test_offload.py probes extack
# support with "handle 0" on lo); the ingress queue exists from the first ingress request on
tc qdisc delete dev lo handle 0
echo "1 1" > /sys/bus/netdevsim/new_device
tc qdisc del dev eth0 ingress
tc qdisc del dev eth0 clsact
tc qdisc del dev eth0 root
tc qdisc del dev eth0 handle ffff:
tc qdisc del dev eth0 parent ffff:
tc qdisc del dev eth0 parent 1:
tc qdisc del dev eth0
tc qdisc add dev eth0 ingress
tc qdisc del dev eth0 handle ffff:
tc qdisc del dev eth0 handle 1:
tc qdisc del dev eth0 clsact
tc qdisc del dev eth0 parent ffff: handle 1:
tc qdisc del dev eth0 root noqueue
tc qdisc del dev eth0 parent ffff:
tc qdisc show dev eth0
tc qdisc add dev eth0 clsact
tc qdisc del dev eth0 ingress
tc qdisc del dev eth0 handle ffff: clsact
tc qdisc del dev eth0 clsact
tc qdisc del dev eth0 ingress
tc qdisc del dev eth0 parent ffff:
ip link set eth0 up
tc qdisc del dev eth0 root
tc qdisc del dev eth0 root handle 1:
tc qdisc del dev nosuch ingress
