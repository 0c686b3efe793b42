# offload fuzz seed 18
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc replace dev eth0 ingress
echo N > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
ethtool -K eth0 hw-tc-offload off
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_accept
ip -force link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter replace dev eth0 ingress prio 10 handle 7 bpf obj $PROGS/tc_pass.o sec classifier skip_sw da
tc filter show dev eth0 egress
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc filter add dev eth1 ingress prio 2 handle 2 bpf bytecode '1,6 0 0 0,' da
tc filter replace dev eth0 ingress pref 2 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw skip_sw action drop
tc filter del dev eth1 egress prio 10
tc filter add dev eth1 parent 1: chain 1 pref 10 bpf bytecode '1,6 0 0 2,' skip_sw da
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
ethtool -K eth2 hw-tc-offload on
tc qdisc add dev eth1 clsact
echo 0 > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_accept
tc chain show dev eth0 egress
tc filter add dev eth2 root chain 2 prio 1 handle 0x20 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_hw da action pipe
tc -d filter show dev eth1 ingress
ip link set eth1 up
tc filter add dev eth0 parent ffff: pref 1 protocol ipv6 bpf action gact drop bytecode '1,6 0 0 1,'
tc -s qdisc show dev eth1
ethtool -K eth1 hw-tc-offload off
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc -j filter get dev eth0 parent ffff: protocol all pref 2 handle 0x20 bpf
tc chain show dev eth2 egress
echo 0 > /sys/kernel/debug/netdevsim/netdevsim3/ports/0/bpf_xdpoffload_accept
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_accept
