# offload fuzz seed 25
echo "1 2" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
ip link add vethA type veth peer name vethB
tc qdisc add dev eth0 ingress_block 2 clsact
tc qdisc add dev eth1 ingress_block 1 clsact
tc qdisc add dev vethA ingress_block 1 ingress
tc qdisc add dev vethB ingress_block 7 ingress
tc -s filter show dev eth0 ingress
tc -s -d filter show block 7
tc filter add block 7 prio 3 handle 7 bpf bytecode '1,6 0 0 4294967295,'
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_delay
tc filter add block 2 prio 10 handle 2 bpf obj $PROGS/tc_classid.o sec tc da
tc filter add block 7 pref 3 handle 2 bpf bytecode '1,6 0 0 0,' skip_hw da classid 1:8
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/1/bpf_offloaded_id
tc filter add block 7 chain 0 pref 10 handle 2 bpf bytecode '1,6 0 0 0,6 0 0 0,' skip_sw
tc filter add dev eth0 egress prio 1 handle 1 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_hw
tc filter add block 7 prio 1 protocol 802.1q bpf obj $PROGS/tc_classid.o sec tc
tc filter replace dev vethB ingress pref 3 bpf bytecode '1,6 0 0 4294967295,' skip_sw
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/1/bpf_tc_accept
tc filter show dev eth0 ingress
ethtool -K eth9 hw-tc-offload on
tc filter get block 7 protocol all pref 10 handle 1 bpf
tc filter get block 1 protocol all pref 3 handle 0x20 bpf
echo "2 2" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
ip link set eth3 up
ethtool -K eth3 hw-tc-offload on
ip -j link show eth0
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth4 up
ethtool -K eth4 hw-tc-offload on
tc filter change dev eth2 ingress chain 0 pref 10 handle 2 bpf bytecode '1,6 0 0 4294967295,' da
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bound_progs/1/state
echo "4 1" > /sys/bus/netdevsim/new_device
ip link set eth5 up
ethtool -K eth5 hw-tc-offload on
cat /sys/kernel/debug/netdevsim/netdevsim3/ports/0/bpf_offloaded_id
echo 0 > /sys/kernel/debug/netdevsim/netdevsim3/bpf_bind_accept
tc qdisc add dev eth0 clsact
tc qdisc replace dev eth5 ingress
echo "5 1" > /sys/bus/netdevsim/new_device
ip link set eth6 up
ethtool -K eth6 hw-tc-offload on
