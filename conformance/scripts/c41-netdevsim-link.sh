# what ip and ethtool show of a netdevsim port (6.12: no NOARP, fewer features)
echo "1 1" > /sys/bus/netdevsim/new_device
ip link show dev eth0
ip link set eth0 up
ip link show dev eth0
ip -j link show dev eth0
ethtool -k eth0
