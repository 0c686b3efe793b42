#!/bin/bash
# A netdevsim TC-offload rig written the way driver rigs are: plain bash against the real
# tools and files. It runs unchanged as root on a kernel with netdevsim and on the emulator:
#
#   PROGS=DIR offload exec -- bash examples/rigs/offload_smoke.sh     # the emulator
#   offload vm run -- env PROGS=DIR bash $PWD/examples/rigs/offload_smoke.sh  # Linux 6.1
#
# DIR holds tc_pass.o (conformance/progs/tc_pass.c, clang -O2 -g -target bpf).
set -e
PROGS=${PROGS:?set PROGS to the folder holding tc_pass.o}
ID=${NSIM_ID:-7}
SYS=/sys/bus/netdevsim
DFS=/sys/kernel/debug/netdevsim/netdevsim$ID

cleanup() { echo "$ID" > $SYS/del_device 2>/dev/null || true; }
trap cleanup EXIT

modprobe netdevsim
echo "$ID 2" > $SYS/new_device
# a real kernel may probe the ports from a workqueue: wait until both are there
for _ in $(seq 100); do
    [ "$(ls $SYS/devices/netdevsim$ID/net 2>/dev/null | wc -l)" -eq 2 ] && break
    sleep 0.05
done
PORTS=$(ls $SYS/devices/netdevsim$ID/net | sort)
set -- $PORTS
P0=$1
P1=$2
echo "debugfs ports: $(ls $DFS/ports | tr '\n' ' ')"

for p in $PORTS; do
    ip link set dev "$p" up
    ethtool -K "$p" hw-tc-offload on
    tc qdisc add dev "$p" ingress
done

handle=0
for p in $PORTS; do
    handle=$((handle + 1))
    tc filter add dev "$p" ingress prio 1 handle $handle bpf skip_sw da \
        obj "$PROGS/tc_pass.o" sec classifier
done

for i in 0 1; do
    echo "port $i: offloaded id $(cat $DFS/ports/$i/bpf_offloaded_id)"
done
echo "bound programs: $(ls $DFS/bpf_bound_progs | wc -l)"

summary() {
    tc -j filter show dev "$1" ingress | python3 -c '
import json, sys
for f in json.load(sys.stdin):
    o = f.get("options")
    if o:
        hw = "in_hw" if o.get("in_hw") else "not_in_hw"
        print("  filter", o["handle"], hw, "count", o.get("in_hw_count"), "prog id", o["prog"]["id"])
'
}
echo "$P0 filters:"
summary "$P0"

# netdevsim has one program slot per port: a second skip_sw filter is refused
if out=$(tc filter add dev "$P0" ingress prio 2 handle 9 bpf skip_sw da \
        obj "$PROGS/tc_pass.o" sec classifier 2>&1); then
    echo "second skip_sw filter: accepted"
else
    echo "second skip_sw filter: refused: $out"
fi

# the port's knob: a value that is not a boolean is refused, N makes the driver refuse
if echo X > $DFS/ports/1/bpf_tc_accept 2>/dev/null; then
    echo "bpf_tc_accept=X: accepted"
else
    echo "bpf_tc_accept=X: refused"
fi
echo N > $DFS/ports/1/bpf_tc_accept
if out=$(tc filter replace dev "$P1" ingress prio 1 handle 1 bpf skip_sw da \
        obj "$PROGS/tc_pass.o" sec classifier 2>&1); then
    echo "replace with bpf_tc_accept=N: accepted"
else
    echo "replace with bpf_tc_accept=N: refused: $out"
fi
echo "$P1 filters:"
summary "$P1"

tc filter del dev "$P0" ingress prio 1 handle 1 bpf
echo "after delete, port 0: offloaded id $(cat $DFS/ports/0/bpf_offloaded_id)"
ethtool -K "$P0" hw-tc-offload off
ethtool -k "$P0" | grep hw-tc-offload
echo done
