# offload fuzz seed 123
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
tc qdisc add dev eth0 ingress_block 7 clsact
tc qdisc add dev eth1 ingress
tc filter add dev eth1 ingress pref 10 bpf bytecode '1,6 0 0 2,' skip_sw
tc qdisc del dev eth1 ingress
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc qdisc add dev eth0 ingress
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/f00123_0 type classifier
tc filter show block 7
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc filter add dev eth1 egress handle 7 protocol arp bpf bytecode '1,6 0 0 1,' skip_hw
tc filter add dev eth2 ingress pref 5 handle 0x20 bpf obj $PROGS/tc_classid.o da classid 1:8
tc qdisc show dev eth0
echo N > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_accept
tc filter add dev eth2 parent 1: prio 1 protocol arp bpf obj /nonexistent.o skip_sw
ip link set dev eth2 down
