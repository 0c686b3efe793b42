# get_action_kind() falls back to gact once: an unknown action word is parsed by gact
ip link add vethA type veth peer name vethB
tc qdisc add dev vethA ingress
tc filter add dev vethA ingress prio 1 bpf bytecode '1,6 0 0 0,' action frob
tc filter add dev vethA ingress prio 1 bpf bytecode '1,6 0 0 0,' action gact drop frob
tc filter add dev vethA ingress prio 1 bpf action gact drop bytecode '1,6 0 0 0,'
tc filter add dev vethA ingress prio 1 bpf bytecode '1,6 0 0 0,' action drop action frob
tc filter add dev vethA ingress prio 1 bpf bytecode '1,6 0 0 0,' action gact index 3
tc filter show dev vethA ingress
