# offload fuzz seed 131
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f00131_0 type classifier
ip link show eth0
tc filter add dev eth0 parent ffff: pref 1 bpf bytecode '1,6 0 0 1,' action pass
tc filter add dev eth0 ingress pref 1 bpf bytecode '1,6 0 0 4294967295,' skip_sw
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter show dev eth9 ingress prio 1
tc -d filter show dev eth0 ingress
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter add dev eth0 egress pref 49152 bpf bytecode '1,6 0 0 1,'
tc filter replace block 1 prio 49152 handle 0x20 bpf obj $PROGS/tc_classid.o sec tc da
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter del dev eth0 ingress prio 1 handle 0x20 bpf
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc qdisc show dev eth0
tc filter add dev eth0 ingress pref 3 bpf obj $PROGS/tc_classid.o skip_hw da classid 1:9
tc filter replace dev eth0 ingress pref 49152 handle 2 bpf bytecode '1,6 0 0 0,6 0 0 0,' skip_sw
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter add dev eth0 ingress pref 1 handle 2 bpf bytecode '1,6 0 0 4294967295,' skip_hw
tc filter add dev eth0 ingress chain 1 handle 1 bpf obj /nonexistent.o skip_sw
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc -d filter show dev eth0 ingress chain 0
tc -d filter show dev eth0 ingress
tc qdisc del dev eth0 clsact
