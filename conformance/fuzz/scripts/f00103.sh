# offload fuzz seed 103
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
echo "4 1" > /sys/bus/netdevsim/new_device
ip link set eth3 up
tc qdisc change dev eth0 egress_block 7 clsact
tc qdisc add dev eth3 ingress_block 7 ingress
ip link show eth3
tc -j filter get block 7 protocol all pref 5 handle 0x20 bpf
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc qdisc add dev eth0 ingress_block 7 ingress
tc filter replace dev eth0 ingress chain 0 prio 5 handle 1 bpf bytecode '1,6 0 0 2,' skip_sw da
tc filter show block 7
tc qdisc show dev eth1
tc filter del dev eth2 ingress chain 2 prio 5 handle 2 bpf
ip link show eth0
tc filter add dev eth3 ingress chain 2 prio 10 handle 2 bpf obj $PROGS/tc_pass.o skip_sw classid 1:5
tc filter replace dev eth3 parent 1: pref 10 handle 7 bpf bytecode '1,6 0 0 2,' skip_sw da action gact pass index 3
tc filter show block 7
tc filter add dev eth2 ingress chain 2 handle 7 bpf bytecode '1,6 0 0 4294967295,' classid 1:3
echo "5 1" > /sys/bus/netdevsim/new_device
ip link set eth4 up
ethtool -K eth4 hw-tc-offload on
ip link set dev eth2 up
echo 1 > /sys/kernel/debug/netdevsim/netdevsim5/bpf_bind_verifier_accept
echo "6 1" > /sys/bus/netdevsim/new_device
ip link set eth5 up
ethtool -K eth5 hw-tc-offload on
cat /sys/kernel/debug/netdevsim/netdevsim3/ports/0/bpf_offloaded_id
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f00103_0 type classifier
echo 4 > /sys/bus/netdevsim/del_device
tc filter add block 7 pref 10 bpf skip_sw da
