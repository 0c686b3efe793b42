# the host verifier refuses a program: libbpf frames the log it asked for
ip link add vethA type veth peer name vethB
tc qdisc add dev vethA ingress
tc filter add dev vethA ingress prio 1 bpf da obj $PROGS/tc_bad.o
tc filter add dev vethA ingress prio 1 bpf da obj $PROGS/tc_bad.o verbose
bpftool prog load $PROGS/tc_bad.o /sys/fs/bpf/x12_bad type classifier
tc filter show dev vethA ingress
