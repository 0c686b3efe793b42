# offload fuzz seed 210
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
ip link add vethA type veth peer name vethB
ip link set vethA up
tc qdisc add dev eth0 clsact
tc qdisc change dev vethA ingress
tc qdisc add dev vethB egress_block 3 clsact
tc filter change block 3 pref 2 handle 2 bpf obj $PROGS/tc_classid.o sec tc skip_sw da
tc filter add dev eth0 ingress pref 10 bpf bytecode '1,6 0 0' classid 1:1
tc filter add block 3 bpf bytecode '1,6 0 0 4294967295,' skip_sw da
tc filter delete dev vethB parent ffff:fff3
tc filter add dev vethB ingress pref 5 bpf bytecode '1,6 0 0 4294967295,' skip_sw da
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_accept
tc -s filter show dev eth0 ingress
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter show dev vethB ingress
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_delay
tc filter show block 3 chain 0
tc filter show dev eth0 ingress
tc filter show dev vethB ingress
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
ethtool -k eth0
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/f00210_0 type classifier
tc filter del block 3 prio 49152
tc -s filter show block 3 chain 0
tc filter show block 3
tc filter add dev vethA ingress pref 49152 protocol ip bpf obj $PROGS/tc_classid.o skip_sw da
tc filter replace block 5 prio 49152 handle 2 bpf action gact drop bytecode '2,177 0 0 0,6 0 0 0,' skip_sw
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
tc filter add dev eth1 ingress pref 49152 bpf obj $PROGS/tc_pass.o sec classifier skip_hw da
ethtool -K vethA hw-tc-offload off
tc qdisc del dev eth1 clsact
