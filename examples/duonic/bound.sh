echo "1 1" > /sys/bus/netdevsim/new_device
tc qdisc add dev eth0 ingress
ethtool -K eth0 hw-tc-offload on
tc filter add dev eth0 ingress bpf skip_sw da obj $PROGS/tc_pass.o sec classifier
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/p dev eth0
