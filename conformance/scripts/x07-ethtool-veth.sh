# ethtool on a veth: its whole feature list; hw-tc-offload is not fixed there
ip link add vethA type veth peer name vethB
ethtool -k vethA
ethtool -K vethA hw-tc-offload on
ethtool -K vethA hw-tc-offload off
ethtool -k vethB
ethtool -K eth9 hw-tc-offload on
ethtool -k eth9
