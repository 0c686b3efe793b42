# offload fuzz seed 186
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link add vethA type veth peer name vethB
tc qdisc add dev eth0 ingress_block 7 ingress
tc qdisc add dev vethA ingress_block 1 ingress
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_xdpoffload_accept
echo 2 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
ethtool -K vethB hw-tc-offload off
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter add dev vethA ingress prio 10 handle 7 bpf bytecode '1,6 0 0 1,' skip_sw
tc filter add block 1 prio 1 handle 7 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw da
tc filter add block 7 pref 10 bpf bytecode '1,6 0 0 2,' skip_hw action gact reclassify
echo "2 2" > /sys/bus/netdevsim/new_device
ip link set eth1 up
ethtool -K eth1 hw-tc-offload on
ip link set eth2 up
ip link del vethA
echo "3 1" > /sys/bus/netdevsim/new_device
ethtool -K eth3 hw-tc-offload on
tc filter show dev eth2 ingress
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
ip link set dev eth0 xdpoffload off
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth3 ingress_block 2 ingress
tc qdisc add dev eth0 egress_block 2 clsact
tc filter replace block 2 pref 10 handle 0x20 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
echo N > /sys/kernel/debug/netdevsim/netdevsim2/bpf_bind_verifier_accept
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter get dev eth9 ingress protocol all pref 10 handle 0x20 bpf
tc filter show dev eth2 ingress
tc qdisc show dev nosuch
tc filter replace dev eth3 egress pref 1 handle 1 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
tc filter replace dev eth2 egress pref 10 handle 0x20 bpf obj /nonexistent.o skip_hw
tc filter del block 2
ip link set dev eth0 xdpoffload off
ethtool -k eth2
tc filter delete block 2 prio 1 handle 2 bpf
