# offload fuzz seed 24
echo "1 2" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc qdisc add dev eth1 ingress_block 7 ingress
tc qdisc add dev eth2 ingress
tc filter add dev eth0 ingress prio 2 bpf skip_hw da action pipe
tc filter del dev eth0 ingress prio 1
tc -s qdisc show dev eth1
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_delay
tc -j filter show block 7
tc qdisc replace dev eth1 ingress_block 5 egress_block 3 clsact
tc qdisc replace dev eth0 ingress_block 7 clsact
tc -d filter show block 1 prio 2
tc filter replace block 7 prio 2 handle 1 bpf bytecode '1,6 0 0 2,' da classid 1:9
tc qdisc add dev eth1 ingress_block 7 clsact
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f00024_0 type classifier
tc filter add block 9 pref 5 handle 2 bpf obj $PROGS/tc_pass.o skip_sw
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc qdisc add dev eth1 ingress_block 5 ingress
tc qdisc show dev eth0
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/1/bpf_offloaded_id
tc filter add dev eth1 ingress chain 2 prio 49152 bpf obj /nonexistent.o skip_hw
tc qdisc add dev eth1 clsact ingress_block 2
