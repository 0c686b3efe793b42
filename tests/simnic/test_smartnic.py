"""The richer profiles: slots, limits, STATS deltas, the datapath, faults, and the same
scenario on both kinds of card."""

from __future__ import annotations

import errno
import shutil

import pytest

from core.actions import TC_ACT_OK, TC_ACT_SHOT
from core.cls_bpf import ClsBpfOpts
from core.errors import TcError
from core.net import FilterTarget
from hwsim import packet
from hwsim.faults import FaultRule
from hwsim.nic import NicProfile
from offload.emulator import Emulator
from tests.bpf.conftest import CORPUS, compile_c
from tests.core.conftest import FakeProg
from tests.simnic.conftest import Rig

SMART = ("nic add 1 ports 1 profile smartnic", "ip link set eth0 up",
         "tc qdisc add dev eth0 ingress")
DROP9 = ("tc filter add dev eth0 ingress prio {p} bpf skip_sw da obj $PROGS/tc_drop_udp9.o "
         "sec classifier action gact ok")


def test_several_slots_and_hw_counters_via_stats(rig: Rig) -> None:
    rig.ok(*SMART, DROP9.format(p=1), DROP9.format(p=2))
    assert len(rig.port("eth0").hw.slots) == 2
    for dport in (9, 9, 53):
        rig.emu.send("eth0", packet.ipv4("udp", dport=dport))
    _, out, _ = rig.sh("tc -s filter show dev eth0 ingress prio 1")
    # prio 1 saw all three (the pass stops the hardware walk), dropped two
    assert "Sent hardware 126 bytes 3 pkt" in out and "dropped 2" in out
    # STATS reports deltas since the last poll: a second dump adds nothing
    _, out2, _ = rig.sh("tc -s filter show dev eth0 ingress prio 1")
    assert "Sent hardware 126 bytes 3 pkt" in out2
    rig.emu.send("eth0", packet.ipv4("udp", dport=9))
    _, out3, _ = rig.sh("tc -s filter show dev eth0 ingress prio 1")
    assert "Sent hardware 168 bytes 4 pkt" in out3


def test_slot_exhaustion_is_enospc_with_extack() -> None:
    rig = Rig()
    rig.emu.add_nic(1, NicProfile(name="tiny", slots_per_port=1, hw_tc_offload_default=True,
                                  module="tiny"), dev_id=1)
    rig.ok("ip link set eth0 up", "tc qdisc add dev eth0 ingress", DROP9.format(p=1))
    rc, _, err = rig.sh(DROP9.format(p=2))
    assert rc == 2 and "tiny: no free program slot (1 in use)" in err


def test_instruction_limit(rig: Rig) -> None:
    rig.emu.add_nic(1, NicProfile(name="small", max_insns=10, hw_tc_offload_default=True,
                                  module="small"), dev_id=1)
    rig.ok("ip link set eth0 up", "tc qdisc add dev eth0 ingress")
    rc, _, err = rig.sh(DROP9.format(p=1))
    assert rc == 1 and "program too large for the hardware (22 > 10 insns)" in err


def test_datapath_verdicts_hw_drop_sw_drop_and_pass(rig: Rig) -> None:
    rig.ok(*SMART, DROP9.format(p=1),
           "tc filter add dev eth0 ingress prio 2 bpf da bytecode '1,6 0 0 4294967295,' skip_hw")
    hw = rig.emu.send("eth0", packet.ipv4("udp", dport=9))
    assert (hw.final, hw.decided_by, hw.sw_verdict) == ("drop", "hardware", None)
    ok = rig.emu.send("eth0", packet.ipv4("udp", dport=53))
    assert ok.final == "pass" and ok.hw_verdict == "pass"
    # a software filter that drops everything not dropped by hardware
    net = rig.emu.net
    net.filter_new(FilterTarget(dev="eth0", parent=0xFFFFFFF2), kind="bpf", prio=3,
                   opts=ClsBpfOpts(prog=FakeProg(ret=TC_ACT_SHOT), bpf_flags=1))
    sw = rig.emu.send("eth0", packet.ipv4("udp", dport=53))
    assert (sw.final, sw.decided_by) == ("drop", "software")
    assert FakeProg(ret=TC_ACT_OK).run(None) == 0  # the stand-in obeys its contract


def test_same_scenario_both_profiles(anyrig: Rig) -> None:
    r = anyrig
    r.ok('echo "1 1" > /sys/bus/netdevsim/new_device', "ip link set eth0 up",
         "ethtool -K eth0 hw-tc-offload on", "tc qdisc add dev eth0 ingress",
         DROP9.format(p=1))
    rc, _, err = r.sh(DROP9.format(p=2))
    if r.emu.nsim.driver(1).profile.name == "netdevsim":
        assert rc == 2 and "states mismatch" in err
    else:
        assert rc == 0
    r.ok("tc filter del dev eth0 ingress")
    assert r.port("eth0").hw.slots == [] and r.emu.audit().ok


def test_shared_block_netdevsim_and_smartnic_rollback(rig: Rig) -> None:
    """One rejects: neither ends up holding the program (spec §1.3)."""
    rig.ok('echo "1 1" > /sys/bus/netdevsim/new_device', "nic add 2 profile smartnic",
           "ethtool -K eth0 hw-tc-offload on",
           "echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept",
           "tc qdisc add dev eth0 ingress_block 3 ingress",
           "tc qdisc add dev eth1 ingress_block 3 ingress",
           "bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/p type classifier dev eth1")
    rc, _, err = rig.sh("tc filter add block 3 prio 1 bpf skip_sw da pinned /sys/fs/bpf/p")
    assert rc == 2 and "reject BPF TC offload" in err
    assert rig.port("eth0").hw.slots == [] and rig.port("eth1").hw.slots == []
    ops = [(e.op, e.owner) for e in rig.emu.log.events if e.op in ("add", "rollback")]
    assert ops[0] == ("add", "smartnic:eth1") and ("rollback", "smartnic:eth1") in ops


@pytest.mark.parametrize(
    ("rule", "errno_", "text"),
    [
        (FaultRule(kind="add", errno=errno.ENOMEM, extack="out of SRAM", times=1), errno.ENOMEM,
         "smartnic: out of SRAM"),
        (FaultRule(kind="add", action="raise", times=1), errno.EIO, "InjectedFault"),
        (FaultRule(kind="add", nth=2, errno=errno.EBUSY), errno.EBUSY, None),
        (FaultRule(kind="add", prog_name="drop_udp9", errno=errno.EIO, times=1), errno.EIO,
         None),
    ],
)
def test_fault_kinds(rule: FaultRule, errno_: int, text: str | None) -> None:
    emu = Emulator()
    emu.add_nic(1, "smartnic", dev_id=1)
    emu.net.qdisc_add("eth0", "ingress")
    progs = [emu.load_obj("offload/progs/tc_drop_udp9.o", offload_dev="eth0") for _ in range(2)]
    emu.faults.add(rule)
    t = FilterTarget(dev="eth0", parent=0xFFFFFFF2)
    results = []
    for i, p in enumerate(progs, 1):
        try:
            emu.net.filter_new(t, kind="bpf", prio=i, opts=ClsBpfOpts(prog=p, gen_flags=2,
                                                                      bpf_flags=1))
            results.append(None)
        except TcError as e:
            results.append(e)
    failed = [e for e in results if e is not None]
    assert len(failed) == 1 and failed[0].errno == errno_
    if text:
        assert text in (failed[0].extack or "")
    assert emu.audit().ok


def test_fault_during_rollback_only_and_reset() -> None:
    emu = Emulator()
    emu.add_nic(1, "smartnic", dev_id=1)
    emu.add_nic(1, "smartnic", dev_id=2)
    emu.net.qdisc_add("eth1", "ingress", ingress_block=4)
    emu.net.qdisc_add("eth0", "ingress", ingress_block=4)
    emu.faults.add(FaultRule(kind="add", port="eth1", errno=errno.EBUSY))
    emu.faults.add(FaultRule(kind="remove", during="rollback", errno=errno.EIO))
    p = FakeProg()
    with pytest.raises(TcError):
        emu.net.filter_new(FilterTarget(block_index=4), kind="bpf", prio=1,
                           opts=ClsBpfOpts(prog=p, gen_flags=2, bpf_flags=1))
    # eth0 took it, its rollback remove was refused: the program leaks on eth0
    assert [s.prog for s in emu.port("eth0").hw.slots] == [p]
    report = emu.audit()
    assert [d.kind for d in report.discrepancies] == ["leak"]
    emu.faults.clear()
    emu.add_nic(1, "smartnic", dev_id=3)
    drv = emu.nsim.driver(1)
    drv.hw.reset()
    assert emu.port("eth0").hw.slots == [] and drv.hw.resets == 1


def test_seeded_random_faults_are_reproducible() -> None:
    def run(seed: int) -> list[str]:
        emu = Emulator()
        emu.add_nic(1, "smartnic", dev_id=1)
        emu.net.qdisc_add("eth0", "ingress")
        emu.faults.enable_random(0.5, seed)
        out = []
        for prio in range(1, 9):
            try:
                emu.net.filter_new(FilterTarget(dev="eth0", parent=0xFFFFFFF2), kind="bpf",
                                   prio=prio, opts=ClsBpfOpts(prog=FakeProg(), bpf_flags=1))
                out.append("ok")
            except TcError as e:
                out.append(str(e.errno))
        return emu.faults.log
    assert run(7) == run(7)
    assert run(7) != run(8)


def test_running_out_of_slots_and_memory_mid_scenario(rig: Rig) -> None:
    rig.ok(*SMART, DROP9.format(p=1), "nic set 1 slots 1")
    rc, _, err = rig.sh(DROP9.format(p=2))
    assert rc == 2 and "smartnic: no free program slot (1 in use)" in err
    rig.ok("nic set 1 slots 4", "nic set 1 memory 30")
    rc, _, err = rig.sh(DROP9.format(p=2))
    assert rc == 2 and "out of instruction memory (22 needed, 8 free)" in err
    assert rig.sh("nic set 9 slots 1")[0] == 1
    assert rig.emu.audit().ok


@pytest.mark.skipif(shutil.which("clang") is None, reason="clang missing: cannot build")
def test_helper_allow_list_refuses_with_extack(rig: Rig) -> None:
    """smartnic-lite implements a short helper list; skb_load_bytes (26) is not on it."""
    obj = compile_c(CORPUS / "load_bytes.c")
    rig.ok("nic add 1 profile smartnic-lite", "tc qdisc add dev eth0 ingress")
    rc, _, err = rig.sh(f"tc filter add dev eth0 ingress prio 1 bpf da obj {obj} "
                        "sec classifier")
    assert rc == 0  # not skip_sw: the refusal is silent and the filter runs in software
    f = next(iter(rig.emu.filters()))[2]
    assert f.in_hw_count == 0
    rc, _, err = rig.sh(f"tc filter add dev eth0 ingress prio 2 bpf skip_sw da obj {obj} "
                        "sec classifier")
    # refused by the card's verifier hook, with the reason in the load log
    assert rc == 1 and "[smartnic] helper 26 not supported by the hardware" in err
    bpf = rig.emu.load_obj(str(obj))
    assert rig.emu.nsim.driver(1).check_limits(bpf) == (
        -95, "helper 26 not supported by the hardware")
