"""Spec §3.5: cls_bpf_classify in DA and classic mode."""

from __future__ import annotations

from core.actions import TC_ACT_OK, TC_ACT_SHOT, TC_ACT_UNSPEC
from core.cls_bpf import ClsBpfOpts
from core.flags import TCA_CLS_FLAGS_SKIP_SW
from core.skb import SkBuff
from tests.core.conftest import FakeProg, TestDriver, add, dev_target, offload_dev

FRAME = bytes(12) + b"\x08\x00" + bytes(50)


def setup(net):
    net.add_device("v0", kind="veth")
    net.qdisc_add("v0", "ingress")
    return net.devices["v0"].ingress_qdisc.ingress_block


def test_da_verdicts_and_newest_first(net):
    block = setup(net)
    add(net, dev_target("v0"), prog=FakeProg(ret=TC_ACT_OK), prio=1, handle=1)
    add(net, dev_target("v0"), prog=FakeProg(ret=TC_ACT_SHOT), prio=1, handle=2)
    res = net.classify(block, SkBuff.from_bytes(FRAME))
    assert res.verdict == TC_ACT_SHOT and res.filt.handle == 2


def test_da_unknown_opcode_is_unspec_and_falls_through(net):
    block = setup(net)
    add(net, dev_target("v0"), prog=FakeProg(ret=TC_ACT_OK), prio=2)
    add(net, dev_target("v0"), prog=FakeProg(ret=3), prio=1)  # PIPE: not passed through
    res = net.classify(block, SkBuff.from_bytes(FRAME))
    assert res.verdict == TC_ACT_OK and res.tp.prio == 2


def test_da_classid_major_from_filter_minor_from_skb(net):
    block = setup(net)

    class SetsMinor(FakeProg):
        def run(self, skb):
            skb.tc_classid = 0x7
            return TC_ACT_OK

    add(net, dev_target("v0"), prog=SetsMinor(), classid=0x10005)
    res = net.classify(block, SkBuff.from_bytes(FRAME))
    assert res.classid == 0x10007


def test_classic_mode_results(net):
    block = setup(net)
    t = dev_target("v0")
    add(net, t, prog=FakeProg(ret=0), prio=1, da=False)  # no match
    res = net.classify(block, SkBuff.from_bytes(FRAME))
    assert res.verdict == TC_ACT_UNSPEC
    add(net, t, prog=FakeProg(ret=0xFFFFFFFF), prio=2, da=False, classid=0x10009)
    res = net.classify(block, SkBuff.from_bytes(FRAME))
    assert (res.verdict, res.classid) == (TC_ACT_OK, 0x10009)  # -1: the configured classid
    add(net, t, prog=FakeProg(ret=0x20003), prio=1, handle=2, da=False)
    res = net.classify(block, SkBuff.from_bytes(FRAME))
    assert (res.verdict, res.classid) == (TC_ACT_OK, 0x20003)


def test_classic_mode_runs_actions(net):
    block = setup(net)
    net.filter_new(dev_target("v0"), kind="bpf", prio=1,
                   opts=ClsBpfOpts(prog=FakeProg(ret=1), actions=[TC_ACT_SHOT]))
    res = net.classify(block, SkBuff.from_bytes(FRAME))
    assert res.verdict == TC_ACT_SHOT
    assert res.filt.exts.actions[0].stats.packets == 1


def test_skip_sw_never_matches_in_software(net):
    d = TestDriver("A")
    offload_dev(net, "e0", d)
    net.qdisc_add("e0", "ingress")
    block = net.devices["e0"].ingress_qdisc.ingress_block
    add(net, dev_target("e0"), TCA_CLS_FLAGS_SKIP_SW, FakeProg(ret=TC_ACT_SHOT))
    assert net.classify(block, SkBuff.from_bytes(FRAME)).verdict == TC_ACT_UNSPEC


def test_protocol_filtering(net):
    block = setup(net)
    add(net, dev_target("v0"), prog=FakeProg(ret=TC_ACT_SHOT), protocol=0x86DD)
    assert net.classify(block, SkBuff.from_bytes(FRAME)).verdict == TC_ACT_UNSPEC
