# offload fuzz seed 1004
echo "1 2" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth0 clsact
tc qdisc add dev eth1 ingress_block 5 ingress
tc filter add block 1 prio 2 bpf bytecode '1,6 0 0 4294967295,' skip_sw
tc -j filter get block 5 protocol all pref 2 handle 2 bpf
tc filter add block 5 bpf skip_sw da
tc filter get dev eth1 ingress protocol all pref 2 handle 0x20 bpf
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter replace block 5 prio 5 flower action drop
ip link show lo
ip link set eth0 up
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth2 up
echo 1 > /sys/bus/netdevsim/del_device
echo "3 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc filter add dev eth2 ingress pref 10 handle 0x20 bpf classid 1:7 obj $PROGS/tc_classid.o sec tc skip_sw da
