# offload fuzz seed 2028
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 1 clsact
tc filter add dev eth0 parent ffff:fff3 prio 5 bpf obj $PROGS/tc_pass.o skip_sw da
ip link set eth0 up
tc qdisc add dev eth0 ingress
tc filter replace dev eth0 ingress prio 5 bpf obj $PROGS/tc_classid.o da
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bound_progs/0/state
tc filter get block 1 protocol all pref 49152 handle 1 bpf
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter change block 1 prio 3 bpf obj $PROGS/tc_pass.o sec classifier da
tc filter add dev eth0 ingress chain 2 prio 5 bpf obj $PROGS/tc_classid.o skip_sw da
ethtool -K eth0 hw-tc-offload off
