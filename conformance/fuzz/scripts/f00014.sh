# offload fuzz seed 14
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
tc filter delete dev eth0 parent ffff:
tc qdisc show dev eth0
tc filter replace dev eth0 ingress pref 2 bpf bytecode '2,177 0 0 0,6 0 0 0,' skip_sw action ok
tc filter add dev eth0 parent 1: pref 5 bpf bytecode '1,6 0 0 4294967295,' skip_sw action pass
tc -j filter show dev eth0 ingress
tc filter add dev eth0 ingress prio 10 bpf skip_sw action drop
tc filter replace dev eth0 root chain 2 prio 2 handle 7 bpf obj $PROGS/tc_pass.o skip_hw da
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
tc -j filter get dev eth0 ingress protocol all pref 2 handle 0x20 bpf
tc filter add dev eth0 parent ffff: bpf obj $PROGS/tc_classid.o skip_sw action ok
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter del dev eth9 ingress prio 2
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
tc filter show block 2
tc filter del dev nosuch parent 1: prio 5
tc filter show dev eth0 parent ffff:
tc filter replace dev eth0 egress chain 0 pref 5 protocol all bpf bytecode '1,6 0 0 2,' skip_sw da
tc qdisc add dev eth0 ingress_block 5 clsact
tc filter add block 5 prio 2 protocol arp bpf skip_hw
tc filter add block 5 pref 1 handle 0x20 bpf bytecode '1,6 0 0 1,' skip_sw
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bound_progs/2/state
tc qdisc del dev eth0 clsact
tc filter replace block 5 prio 10 handle 1 protocol arp bpf bytecode '1,6 0 0 0,'
tc filter add dev eth0 ingress prio 10 handle 2 bpf obj $PROGS/tc_classid.o sec tc skip_sw da
