# offload fuzz seed 1024
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
echo "2 2" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
ethtool -K eth2 hw-tc-offload on
tc filter add dev eth2 root u32 match u32 0 0 action drop
tc qdisc show dev eth0 parent ffff:fff1
tc qdisc show dev eth0 handle ffff:
ip link show eth1
echo 2 > /sys/kernel/debug/netdevsim/netdevsim2/bpf_bind_verifier_accept
tc filter replace dev eth2 parent ffff: pref 3 bpf bytecode '1,6 0 0 2,' skip_sw
tc filter add dev eth2 parent ffff: prio 2 handle 2 bpf obj $PROGS/tc_pass.o skip_sw
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/1/bpf_offloaded_id
tc -d filter show dev eth0 ingress
tc qdisc add dev eth1 ingress
tc filter del dev eth1 egress
ethtool -k eth0
tc filter replace dev eth0 ingress pref 3 bpf bytecode '1,6 0 0 2,' skip_sw skip_sw action gact reclassify
ip -force link set dev eth1 xdpoffload obj $PROGS/xdp_pass.o sec xdp
tc -d filter show dev eth0 ingress
tc filter change dev eth1 ingress pref 2 handle 2 bpf bytecode '1,6 0 0 1,' skip_hw
tc filter del dev eth0 parent ffff: prio 10 handle 0x20 bpf
tc filter add dev eth2 ingress chain 0 pref 49152 handle 0x20 protocol ipv6 bpf obj $PROGS/tc_classid.o sec tc classid 1:3
tc filter show dev eth0 ingress chain 0 prio 49152
echo N > /sys/kernel/debug/netdevsim/netdevsim2/bpf_bind_accept
tc qdisc add dev eth2 ingress_block 5 egress_block 7 clsact
tc filter add dev eth1 egress chain 0 pref 3 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
