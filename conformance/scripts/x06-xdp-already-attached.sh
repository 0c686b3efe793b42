# iproute2 sets XDP_FLAGS_UPDATE_IF_NOEXIST unless -force
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
ip -force link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id
ip link set dev eth0 xdpoffload off
ip link set dev eth0 xdpoffload off
ip -force link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
ip link set dev eth9 xdpoffload off
ip link set dev eth9 xdpoffload obj $PROGS/xdp_pass.o sec xdp
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec nosuch
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_xdpoffload_accept
ip -force link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
ip link set dev eth0 xdpoffload off
ip link set dev eth0 xdpoffload obj $PROGS/xdp_pass.o sec xdp
ip -j link show eth0
ip link show eth0
