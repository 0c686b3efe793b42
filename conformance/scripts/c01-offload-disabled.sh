# hw-tc-offload is off on a new port: skip_sw fails in tc_cls_can_offload_and_chain0
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
tc qdisc add dev eth0 ingress
tc filter add dev eth0 ingress bpf skip_sw da obj $PROGS/tc_pass.o sec classifier
tc filter add dev eth0 ingress bpf da obj $PROGS/tc_pass.o sec classifier
tc filter show dev eth0 ingress
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
