# offload fuzz seed 191
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth1 ingress_block 2 ingress
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
tc filter add dev eth0 ingress pref 5 bpf obj $PROGS/tc_classid.o sec tc skip_sw da
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00191_0 type classifier
tc qdisc add dev eth0 ingress_block 1 clsact
bpftool prog show pinned /sys/fs/bpf/f00191_0
tc filter replace block 2 handle 0x20 bpf obj $PROGS/tc_pass.o sec classifier skip_sw
tc qdisc add dev eth1 ingress_block 1 ingress
echo Y > /sys/kernel/debug/netdevsim/netdevsim2/bpf_bind_accept
tc filter replace dev eth0 egress chain 0 pref 5 handle 2 bpf bytecode '1,6 0 0 4294967295,' skip_sw
tc qdisc replace dev eth1 ingress_block 2 clsact
