# offload fuzz seed 127
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link add vethA type veth peer name vethB
tc qdisc add dev eth0 ingress_block 1 ingress
tc qdisc add dev vethA ingress_block 7 ingress
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter show dev vethA ingress prio 3
ip link set vethB up
tc filter show dev vethB ingress
tc qdisc add dev vethB ingress_block 7 clsact
tc filter add block 1 prio 49152 bpf skip_sw da obj $PROGS/tc_pass.o
ip -force link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec nosuch
tc filter replace dev eth0 ingress chain 2 pref 49152 handle 2 matchall action drop
tc filter add block 7 chain 2 pref 10 handle 7 bpf bytecode '1,6 0 0 1,' skip_hw
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter replace dev vethA ingress pref 3 handle 7 bpf obj $PROGS/tc_classid.o sec tc skip_sw skip_hw da
tc filter show dev eth0 ingress
tc filter replace block 7 pref 3 bpf bytecode '1,6 0 0 2,' skip_sw da
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f00127_0 type classifier
tc qdisc del dev vethA ingress
tc filter show block 1
ethtool -K eth0 hw-tc-offload off
tc qdisc del dev eth0 ingress
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_xdpoffload_accept
tc filter delete dev eth0 ingress prio 1
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
