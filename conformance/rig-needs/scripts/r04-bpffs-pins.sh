# pins on bpffs: bpftool prog load/pin/show pinned, tc ... pinned, rm of a pin
echo "1 1" > /sys/bus/netdevsim/new_device
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/offload-c39-a type classifier
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/offload-c39-a type classifier
bpftool prog pin pinned /sys/fs/bpf/offload-c39-a /sys/fs/bpf/offload-c39-b
bpftool prog pin pinned /sys/fs/bpf/offload-c39-a /sys/fs/bpf/offload-c39-b
bpftool prog pin id 999999 /sys/fs/bpf/offload-c39-c
bpftool prog pin pinned /sys/fs/bpf/offload-c39-nosuch /sys/fs/bpf/offload-c39-c
bpftool prog pin pinned /sys/fs/bpf/offload-c39-a
bpftool prog show pinned /sys/fs/bpf/offload-c39-nosuch
ls /sys/fs/bpf/offload-c39-a
ls /sys/fs/bpf/offload-c39-nosuch
tc qdisc add dev eth0 ingress
tc filter add dev eth0 ingress prio 1 bpf da pinned /sys/fs/bpf/offload-c39-b
tc filter show dev eth0 ingress
rm /sys/fs/bpf/offload-c39-a
rm /sys/fs/bpf/offload-c39-a
ls /sys/fs/bpf/offload-c39-a
rm /sys/fs/bpf/offload-c39-b
tc filter show dev eth0 ingress
tc qdisc del dev eth0 ingress
