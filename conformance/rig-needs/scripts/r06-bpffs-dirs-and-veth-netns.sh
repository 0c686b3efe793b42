# bpffs folders (mkdir/rmdir, pins inside), a veth pair split across two namespaces
mkdir /sys/fs/bpf/offload-c41
mkdir /sys/fs/bpf/offload-c41
mkdir /sys/fs/bpf/offload-c41-none/sub
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/offload-c41/p type classifier
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/offload-c41-none/p type classifier
bpftool prog pin pinned /sys/fs/bpf/offload-c41/p /sys/fs/bpf/offload-c41-none/q
bpftool prog show pinned /sys/fs/bpf/offload-c41/p
ls /sys/fs/bpf/offload-c41
cat /sys/fs/bpf/offload-c41/p
rmdir /sys/fs/bpf/offload-c41
rm /sys/fs/bpf/offload-c41
rm /sys/fs/bpf/offload-c41/p
rmdir /sys/fs/bpf/offload-c41
ls /sys/fs/bpf/offload-c41
ip netns add offload-c41a
ip netns add offload-c41b
ip -n offload-c41a link add offload-v0 type veth peer name offload-v1
ip -n offload-c41a link show
ip -n offload-c41a link set offload-v1 netns offload-c41b
ip -n offload-c41a link show offload-v0
ip -n offload-c41b link show offload-v1
ip -n offload-c41b link show
ip -n offload-c41b link set offload-v1 up
ip -n offload-c41a link set offload-v0 up
ip -n offload-c41a link show offload-v0
ip -n offload-c41b link set offload-v1 netns offload-c41b
ip netns exec offload-c41b tc qdisc add dev offload-v1 ingress
ip -n offload-c41b link set offload-v1 netns offload-c41b
tc -n offload-c41b qdisc show dev offload-v1
ip -n offload-c41a link del offload-v0
ip -n offload-c41b link show offload-v1
ip netns del offload-c41a
ip netns del offload-c41b
echo "1 1" > /sys/bus/netdevsim/new_device
echo "1 1" > /sys/bus/netdevsim/new_device
