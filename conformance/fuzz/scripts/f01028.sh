# offload fuzz seed 1028
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f01028_0 type classifier dev eth0
ip link show lo
tc filter del dev eth0 parent ffff: chain 2 prio 3 handle 2 bpf
ethtool -K eth0 hw-tc-offload on
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter replace dev eth0 egress preference 1 bpf bc '1,6 0 0 0,' classid 1:7 skip_sw
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter add dev eth0 ingress prio 3 handle 0x20 bpf bytecode '1,6 0 0 2,' skip_hw
tc filter replace dev eth0 root prio 1 handle 1 protocol ip bpf obj $PROGS/tc_pass.o sec classifier skip_sw da classid 1:8
tc filter add dev eth0 root pref 1 handle 1 bpf bytecode '1,6 0 0 2,' skip_sw classid 1:2
tc qdisc add dev eth0 ingress
tc filter add dev eth0 ingress pref 2 bpf bytecode '1,6 0 0 2,' skip_hw
