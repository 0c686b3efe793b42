# offload fuzz seed 17
echo "1 1" > /sys/bus/netdevsim/new_device
ethtool -K eth0 hw-tc-offload on
tc qdisc replace dev eth0 ingress
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter replace dev eth0 ingress pref 1 bpf da obj $PROGS/tc_classid.o skip_hw action continue
tc filter replace dev eth0 ingress prio 1 handle 0x20 protocol arp bpf classid 1:5 skip_sw bytecode '1,6 0 0 0,'
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
tc filter add dev eth0 ingress pref 3 bpf bytecode '1,6 0 0 1,' skip_sw
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
echo N > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_accept
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter add dev eth0 ingress pref 5 handle 0x20 protocol all bpf bytecode '1,6 0 0 2,' skip_sw da action pipe
tc filter replace dev eth0 parent ffff: prio 1 handle 1 protocol arp bpf bytecode '2,177 0 0 0,6 0 0 0,'
tc filter add dev eth0 ingress pref 3 bpf bytecode '1,6 0 0 1,' skip_sw da
tc -p -j filter show dev eth0 ingress
ethtool -K eth0 hw-tc-offload on
tc filter add dev eth0 parent ffff: pref 10 handle 1 bpf bytecode '1,6 0 0 0,' skip_hw
tc filter show dev eth0 root
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
echo 2 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc filter add dev eth0 ingress pref 5 bpf bytecode '1,6 0 0 1,' skip_hw
tc filter add dev eth0 ingress prio 2 bpf bytecode '1,6 0 0 4294967295,' skip_sw
tc filter add dev eth0 parent 1: prio 2 handle 2 protocol all bpf bytecode '1,6 0 0 2,' skip_hw
tc filter add dev eth0 root pref 5 bpf bytecode '1,6 0 0 4294967295,' skip_sw
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter add dev eth0 ingress pref 1 protocol all bpf bytecode '1,6 0 0 2,' skip_sw classid 1:2
tc filter del dev eth0 ingress prio 49152
