# offload fuzz seed 249
echo "1 2" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 1 clsact
tc filter add block 5 bpf bytecode '1,6 0 0 4294967295,' classid 1:3
tc -j filter show dev eth0 ingress
tc filter show block 1
tc filter get block 7 protocol all pref 3 handle 1 bpf
tc filter replace dev eth0 parent ffff:fff3 pref 3 handle 2 protocol all bpf obj $PROGS/tc_classid.o sec tc da
tc filter delete dev eth1 parent ffff:
tc qdisc add dev eth0 ingress_block 1 ingress
tc filter replace block 1 prio 3 handle 0x20 bpf obj $PROGS/tc_pass.o skip_sw da
tc filter add dev eth1 ingress prio 1 handle 2 bpf da bytecode '1,6 0 0 2,'
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00249_0 type classifier dev eth1
tc filter get dev eth1 parent ffff:fff3 protocol all pref 5 handle 2 bpf
tc filter del dev eth0 ingress prio 5 handle 1 bpf
echo 1 > /sys/bus/netdevsim/del_device
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bound_progs/1/state
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc qdisc replace dev eth0 ingress_block 1 clsact
ethtool -K eth0 tc-offload on
