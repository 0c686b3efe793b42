# libbpf's and bpftool's own text
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 clsact
tc filter add dev eth0 ingress prio 1 bpf da obj $PROGS/tc_classid.o sec tc verbose
tc filter add dev eth0 ingress prio 2 bpf da obj $PROGS/tc_classid.o
tc filter add dev eth0 ingress prio 2 bpf da obj $PROGS/tc_pass.o sec nosuch
tc filter add dev eth0 ingress prio 2 bpf da obj $PROGS/tc_pass.o sec nosuch verbose
echo N > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_accept
tc filter add dev eth0 ingress prio 3 bpf skip_sw da obj $PROGS/tc_pass.o sec classifier
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/x05_a type classifier dev eth0
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_accept
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/x05_b type classifier dev eth0
bpftool prog show pinned /sys/fs/bpf/x05_b
bpftool -j prog show pinned /sys/fs/bpf/x05_b
bpftool prog load $PROGS/tc_classid.o /sys/fs/bpf/x05_c type classifier
bpftool prog show pinned /sys/fs/bpf/x05_c
bpftool prog load /nonexistent.o /sys/fs/bpf/x05_d type classifier
bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/x05_b type classifier
bpftool prog show pinned /sys/fs/bpf/nosuch
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
ip link set dev eth0 xdpoffload off
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth1 up
bpftool prog load $PROGS/xdp_pass.o /sys/fs/bpf/x05_e type xdp dev eth1
bpftool prog show pinned /sys/fs/bpf/x05_e
bpftool -j prog show pinned /sys/fs/bpf/x05_e
ip link set dev eth1 xdpoffload pinned /sys/fs/bpf/x05_e
bpftool prog show pinned /sys/fs/bpf/x05_e
