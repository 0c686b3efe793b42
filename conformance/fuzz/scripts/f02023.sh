# offload fuzz seed 2023
echo "1 2" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
ip link add vethA type veth peer name vethB
ip link set vethA up
tc qdisc add dev eth0 clsact
tc qdisc add dev eth1 ingress_block 7 clsact
tc qdisc add dev vethA ingress_block 1 ingress
tc qdisc show dev eth1 ingress
ip link set dev eth0 down
echo 1 > /sys/bus/netdevsim/del_device
tc filter del block 1 prio 2 handle 2 bpf
tc filter add block 1 prio 49152 bpf bytecode '1,6 0 0 4294967295,' da
tc filter add dev vethB ingress prio 3 protocol all bpf obj $PROGS/xdp_pass.o sec xdp skip_sw classid 1:1
echo "2 2" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
echo Y > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_non_bound_accept
tc filter del dev vethB egress
tc filter del block 1 prio 49152
tc filter replace dev vethA parent ffff: pref 3 handle 2 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
tc qdisc add dev vethA ingress_block 1 clsact
ip -p -j link show eth1
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/1/bpf_offloaded_id
