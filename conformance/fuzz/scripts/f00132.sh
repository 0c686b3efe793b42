# offload fuzz seed 132
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
tc filter replace dev eth0 ingress pref 10 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_hw da
tc -j qdisc show
tc filter replace dev eth0 ingress chain 1 prio 10 bpf bytecode '1,6 0 0 1,' skip_hw da
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc filter add dev eth0 parent ffff: prio 1 bpf bytecode '2,177 0 0 0,6 0 0 0,'
tc filter add dev eth0 ingress prio 10 handle 0x20 bpf obj $PROGS/tc_pass.o sec classifier da
cat /sys/kernel/debug/netdevsim/netdevsim2/bpf_bound_progs/1/state
tc filter del dev eth0 egress prio 10 handle 0x20 bpf
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bound_progs/2/loaded
tc filter add dev eth0 egress pref 5 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_hw
tc filter add dev eth1 ingress bpf bytecode '1,6 0 0 2,'
