# offload fuzz seed 5
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
echo "2 1" > /sys/bus/netdevsim/new_device
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 1 ingress
tc qdisc add dev eth1 ingress
tc filter add dev eth0 ingress handle 2 flower
ip -force link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
ip link set dev eth1 xdpoffload off
tc filter add dev eth1 ingress pref 49152 handle 0x20 bpf obj $PROGS/tc_classid.o verbose da action gact drop
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
tc qdisc add dev eth1 clsact
tc filter add block 1 bpf bytecode '1,6 0 0 0,'
tc qdisc del dev eth1 ingress
tc filter replace dev eth0 ingress handle 7 protocol 802.1q bpf bytecode '1,6 0 0 4294967295,' skip_sw
tc filter get dev eth1 ingress protocol all pref 10 handle 1 bpf
tc chain show block 1
tc qdisc add dev eth1 ingress_block 1 clsact
