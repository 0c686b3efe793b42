"""The netdevsim profile against drivers/net/netdevsim/bpf.c (6.1), rule by rule (§4.3),
with the messages the real driver and iproute2 printed (conformance/expected)."""

from __future__ import annotations

import pytest

from tests.simnic.conftest import Rig

SETUP = ('echo "1 1" > /sys/bus/netdevsim/new_device', "ip link set eth0 up",
         "tc qdisc add dev eth0 ingress")
SKIP_SW = ("tc filter add dev eth0 ingress prio {p} bpf skip_sw da obj $PROGS/tc_pass.o "
           "sec classifier")
ERR = "Error: {}.\nWe have an error talking to the kernel\n"


def test_offload_disabled_by_default(rig: Rig) -> None:
    rig.ok(*SETUP)
    assert rig.sh(SKIP_SW.format(p=1)) == (
        2, "", ERR.format("TC offload is disabled on net device"))


def test_skip_sw_in_hw_and_offloaded_id(rig: Rig) -> None:
    rig.ok(*SETUP, "ethtool -K eth0 hw-tc-offload on", SKIP_SW.format(p=1))
    _, out, _ = rig.sh("tc filter show dev eth0 ingress")
    assert "skip_sw in_hw id 1 name tc_pass tag a04f5eef06a7f555" in out
    _, out, _ = rig.sh("cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id")
    assert out == "1\n"
    _, out, _ = rig.sh("cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bound_progs/0/loaded")
    assert out == "Y\n"


def test_one_slot_states_mismatch(rig: Rig) -> None:
    rig.ok(*SETUP, "ethtool -K eth0 hw-tc-offload on", SKIP_SW.format(p=1))
    assert rig.sh(SKIP_SW.format(p=2)) == (
        2, "", ERR.format("netdevsim: driver and netdev offload states mismatch"))


@pytest.mark.parametrize(
    ("knob", "line", "msg"),
    [
        ("ports/0/bpf_tc_accept", SKIP_SW.format(p=1),
         "netdevsim: netdevsim configured to reject BPF TC offload"),
        (None, "tc filter add dev eth0 ingress prio 1 protocol ip bpf skip_sw bytecode "
               "'1,6 0 0 0,'", "netdevsim: only ETH_P_ALL supported as filter protocol"),
        (None, "tc filter add dev eth0 ingress prio 1 bpf skip_sw bytecode '1,6 0 0 0,'",
         "netdevsim: netdevsim configured to reject unbound programs"),
        (None, "tc filter add dev eth0 ingress chain 1 prio 1 bpf skip_sw bytecode "
               "'1,6 0 0 0,'", "Driver supports only offload of chain 0"),
    ],
)
def test_refusals_with_real_messages(rig: Rig, knob, line, msg) -> None:
    rig.ok(*SETUP, "ethtool -K eth0 hw-tc-offload on")
    if knob:
        rig.ok(f"echo N > /sys/kernel/debug/netdevsim/netdevsim1/{knob}")
    assert rig.sh(line) == (2, "", ERR.format(msg))
    assert rig.port("eth0").hw.slots == []


def test_hw_tc_offload_cannot_go_off_while_offloaded(rig: Rig) -> None:
    rig.ok(*SETUP, "ethtool -K eth0 hw-tc-offload on", SKIP_SW.format(p=1))
    rc, out, err = rig.sh("ethtool -K eth0 hw-tc-offload off")
    assert rc == 1 and "hw-tc-offload: on [requested off]" in out
    assert err == "Could not change any device features\n"


def test_silent_success_for_remove_of_unheld_and_no_stats(rig: Rig) -> None:
    rig.ok(*SETUP, "ethtool -K eth0 hw-tc-offload on",
           "echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept",
           "tc filter add dev eth0 ingress prio 1 bpf bytecode '1,6 0 0 0,' skip_hw")
    rig.ok("tc filter del dev eth0 ingress prio 1")
    ev = [e for e in rig.emu.log.events if e.op == "delete"]
    assert ev and all(e.ret == 0 for e in ev)  # quirk E: asked anyway, silent success
    rig.ok("tc filter add dev eth0 ingress prio 2 bpf bytecode '1,6 0 0 0,'",
           "tc -s filter show dev eth0 ingress")
    stats = [e for e in rig.emu.log.events if e.op == "stats"]
    assert stats and all(e.ret == -95 for e in stats)


def test_bind_accept_and_verifier_knobs(rig: Rig) -> None:
    rig.ok(*SETUP, "ethtool -K eth0 hw-tc-offload on",
           "echo N > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept")
    rc, _, err = rig.sh(SKIP_SW.format(p=1))
    assert rc == 1 and "failed to load: -95" in err and err.endswith("Unable to load program\n")
    rig.ok("echo Y > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept",
           "echo N > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_accept")
    rc, _, err = rig.sh(SKIP_SW.format(p=1))
    assert rc == 1 and "[netdevsim] Hello from netdevsim!" in err
    rc, out, _ = rig.sh("ls /sys/kernel/debug/netdevsim/netdevsim1/bpf_bound_progs")
    assert out.strip() == ""  # both failed loads left nothing behind


def test_device_removal_unbinds_and_frees(rig: Rig) -> None:
    rig.ok(*SETUP, "ethtool -K eth0 hw-tc-offload on", SKIP_SW.format(p=1))
    rig.ok('echo "1" > /sys/bus/netdevsim/del_device')
    assert "eth0" not in rig.emu.net.devices and rig.emu.programs == []
    rc, _, err = rig.sh("cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id")
    assert rc == 1 and "No such file or directory" in err


def test_egress_is_a_non_offload_binding(rig: Rig) -> None:
    rig.ok('echo "1 1" > /sys/bus/netdevsim/new_device', "ethtool -K eth0 hw-tc-offload on",
           "tc qdisc add dev eth0 clsact")
    rc, _, err = rig.sh("tc filter add dev eth0 egress prio 1 bpf skip_sw da obj "
                        "$PROGS/tc_pass.o sec classifier")
    assert (rc, err) == (2, "RTNETLINK answers: Operation not supported\n"
                            "We have an error talking to the kernel\n")


def test_xdp_offload_shares_the_slot(rig: Rig) -> None:
    rig.ok('echo "1 1" > /sys/bus/netdevsim/new_device', "ethtool -K eth0 hw-tc-offload on",
           "tc qdisc add dev eth0 ingress",
           "bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/x type classifier dev eth0")
    prog = rig.emu.get_pinned("/sys/fs/bpf/x")
    rig.emu.xdp_offload("eth0", prog)
    assert rig.sh(SKIP_SW.format(p=1))[2] == ERR.format(
        "netdevsim: driver and netdev offload states mismatch")
