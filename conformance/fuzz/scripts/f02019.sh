# offload fuzz seed 2019
echo "1 1" > /sys/bus/netdevsim/new_device
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
tc filter show dev eth1 ingress
tc qdisc del dev eth0 clsact
tc -s -d filter show block 1 chain 1
echo 0 > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_non_bound_accept
ethtool -K eth0 hw-tc-offload on
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
tc filter add dev eth1 ingress prio 5 bpf bytecode '1,6 0 0 4294967295,' skip_sw da
tc filter replace dev eth1 ingress pref 5 handle 1 bpf bytecode '1,6 0 0 2,' skip_sw da
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f02019_0 type classifier dev eth1
tc filter replace dev nosuch ingress prio 5 bpf skip_sw
echo N > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_non_bound_accept
tc filter add dev eth1 ingress handle 0x20 bpf obj $PROGS/tc_pass.o sec classifier verbose skip_sw da classid 1:1
tc qdisc add dev eth1 ingress_block 5 ingress
tc -p -j qdisc show dev eth0
tc qdisc show
tc filter add dev eth0 parent ffff:fff3 chain 0 pref 3 handle 1 protocol all bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
tc filter delete block 5 prio 1 handle 0x20 bpf
