# nsim_bpf_disable_tc: turning hw-tc-offload off is refused while a TC program is offloaded
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress
tc filter add dev eth0 ingress prio 1 bpf skip_sw da obj $PROGS/tc_pass.o sec classifier
ethtool -K eth0 hw-tc-offload off
ethtool -k eth0
tc filter del dev eth0 ingress prio 1
ethtool -K eth0 hw-tc-offload off
tc filter add dev eth0 ingress prio 1 bpf skip_sw da obj $PROGS/tc_pass.o sec classifier
