# offload fuzz seed 60
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
tc qdisc show
tc filter add dev eth0 ingress prio 3 bpf bytecode '1,6 0 0 2,' skip_hw
tc filter add dev eth0 ingress pref 10 bpf action gact reclassify bytecode '1,6 0 0 1,' skip_sw
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter add dev eth0 ingress prio 49152 matchall skip_sw action drop
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
tc filter add dev eth0 ingress handle 7 bpf bytecode '1,6 0 0 1,' skip_sw da classid 1:9
tc filter replace dev eth0 ingress pref 10 handle 2 bpf obj $PROGS/xdp_pass.o sec xdp
tc filter delete dev eth0 ingress chain 0
tc filter del dev eth0 root prio 49152
tc qdisc del dev eth0 clsact
tc filter show block 5 prio 3
