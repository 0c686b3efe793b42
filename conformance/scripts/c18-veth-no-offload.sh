# a veth has no ndo_setup_tc: skip_sw gives EOPNOTSUPP without a message
ip link add vethA type veth peer name vethB
tc qdisc add dev vethA ingress
tc filter add dev vethA ingress prio 1 bpf bytecode '1,6 0 0 0,' skip_sw
tc filter add dev vethA ingress prio 1 bpf bytecode '1,6 0 0 0,' skip_hw
tc filter add dev vethA ingress prio 2 bpf da obj $PROGS/tc_pass.o sec classifier
tc filter show dev vethA ingress
