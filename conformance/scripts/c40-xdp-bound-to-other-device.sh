# 6.12: the device match of an offloaded XDP program is checked by the core
echo "1 1" > /sys/bus/netdevsim/new_device
echo "2 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ip link set eth1 up
ethtool -K eth0 hw-tc-offload on
ethtool -K eth1 hw-tc-offload on
bpftool prog load $PROGS/xdp_pass.o /sys/fs/bpf/c40 type xdp dev eth0
ip link set dev eth1 xdpoffload pinned /sys/fs/bpf/c40
cat /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_offloaded_id
ip link set dev eth0 xdpoffload pinned /sys/fs/bpf/c40
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
ip link set dev eth0 xdpoffload off
