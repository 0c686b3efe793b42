# offload fuzz seed 245
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter replace dev eth0 parent ffff: prio 49152 handle 1 bpf obj $PROGS/tc_pass.o sec classifier
tc filter delete dev eth0 egress prio 49152
tc filter replace dev eth0 parent 1: prio 49152 handle 7 bpf bytecode '1,6 0 0 0,'
ethtool -K eth0 hw-tc-offload off
tc qdisc add dev eth0 ingress
tc filter add dev eth0 egress prio 1 handle 0x20 bpf bytecode '1,6 0 0 2,' skip_sw
tc filter add dev eth0 ingress bpf bytecode '1,6 0 0 0,' skip_hw
tc filter add dev eth0 egress prio 1 bpf bytecode '1,6 0 0 2,' skip_sw action continue
ip link show eth0
tc filter replace dev eth0 egress prio 49152 bpf bytecode '1,6 0 0 1,' skip_hw da
tc qdisc show dev eth0
tc filter add dev eth0 ingress bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_hw
tc filter add dev eth0 ingress pref 2 matchall skip_sw action drop
tc -j filter get dev eth0 parent ffff:fff3 protocol all pref 49152 handle 2 bpf
ip link set eth0 up
