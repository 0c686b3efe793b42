# offload fuzz seed 1044
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
tc qdisc add dev eth0 ingress
tc qdisc add dev eth1 ingress
tc filter replace dev eth0 parent ffff: chain 0 pref 2 handle 7 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
echo 1 > /sys/bus/netdevsim/del_device
tc filter change dev eth1 ingress handle 1 bpf bytecode '1,21 0 5 0,' skip_sw classid 1:5
tc filter add dev eth1 egress prio 3 handle 2 bpf obj $PROGS/tc_pass.o sec classifier skip_sw da classid 1:9
tc filter replace dev eth1 egress priority 2 bpf object-file $PROGS/tc_pass.o section classifier action gact reclassify index 5
tc filter add dev eth1 egress pref 5 bpf obj $PROGS/tc_pass.o sec classifier da action pass
tc filter show dev eth1 ingress
ip -force link set dev eth1 xdpoffload obj $PROGS/xdp_pass.o sec xdp
tc qdisc del dev eth1 ingress
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter add dev eth1 ingress pref 10 bpf obj $PROGS/tc_classid.o sec tc classid 1:5
tc filter add block 9 prio 2 bpf obj $PROGS/tc_pass.o sec classifier skip_hw da
tc filter add dev eth1 ingress prio 49152 bpf bytecode '1,6 0 0 2,' skip_sw action pass
tc qdisc del dev eth1 clsact
echo "3 2" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link set eth2 up
echo 0 > /sys/kernel/debug/netdevsim/netdevsim3/bpf_bind_verifier_accept
tc -s -d filter show dev eth2 parent ffff:fff3
ip link show lo
tc -d filter show block 1
tc filter get block 5 protocol all pref 10 handle 1 bpf
tc -d filter show dev eth2 ingress
tc qdisc add dev eth1 ingress_block 1 ingress
tc -j qdisc show dev eth0
tc -s -d filter show block 9
tc filter get block 1 protocol all pref 3 handle 1 bpf
