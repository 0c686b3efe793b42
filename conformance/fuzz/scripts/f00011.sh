# offload fuzz seed 11
echo "1 1" > /sys/bus/netdevsim/new_device
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 5 egress_block 7 clsact
tc qdisc del dev eth0 clsact
tc filter add dev eth0 parent ffff: pref 5 protocol ip bpf bytecode '1,6 0 0 0,' skip_sw
tc filter replace dev eth0 parent ffff: handle 2 bpf bytecode '1,6 0 0 4294967295,' skip_sw
tc filter add dev eth0 ingress chain 1 prio 5 bpf bytecode '1,6 0 0 4294967295,' skip_sw
tc filter del dev eth0 ingress prio 5 handle 1 bpf
tc qdisc add dev eth0 ingress
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00011_0 type classifier
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
