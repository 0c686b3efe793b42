"""Spec §1 (the callback bus) and §3.1 (flags)."""

from __future__ import annotations

import errno

import pytest

from core.flags import (
    TCA_CLS_FLAGS_IN_HW,
    TCA_CLS_FLAGS_NOT_IN_HW,
    TCA_CLS_FLAGS_SKIP_HW,
    TCA_CLS_FLAGS_SKIP_SW,
    TCA_CLS_FLAGS_VERBOSE,
    cls_bpf_gen_flags_ok,
    tc_flags_valid,
)
from tests.core.conftest import (
    FakeProg,
    TestDriver,
    add,
    add_err,
    block_target,
    dev_target,
    offload_dev,
)

SW, HW = TCA_CLS_FLAGS_SKIP_SW, TCA_CLS_FLAGS_SKIP_HW


@pytest.mark.parametrize(
    ("flags", "valid", "cls_bpf_ok"),
    [
        (0, True, True),
        (HW, True, True),
        (SW, True, True),
        (HW | SW, False, False),
        (TCA_CLS_FLAGS_VERBOSE, True, False),
        (SW | TCA_CLS_FLAGS_VERBOSE, True, False),
        (TCA_CLS_FLAGS_IN_HW, False, False),
        (TCA_CLS_FLAGS_NOT_IN_HW, False, False),
        (1 << 5, False, False),
    ],
)
def test_flag_checks(flags: int, valid: bool, cls_bpf_ok: bool) -> None:
    assert tc_flags_valid(flags) is valid
    assert cls_bpf_gen_flags_ok(flags) is cls_bpf_ok


@pytest.mark.parametrize("flags", [HW | SW, TCA_CLS_FLAGS_VERBOSE, TCA_CLS_FLAGS_IN_HW, 32])
def test_invalid_gen_flags_are_einval_without_message(net, flags):
    drv = TestDriver()
    offload_dev(net, "eth0", drv)
    net.qdisc_add("eth0", "ingress")
    err = add_err(net, dev_target("eth0"), flags)
    assert err.errno == errno.EINVAL and err.extack is None
    assert drv.calls == []
    assert list(net.filter_dump(dev_target("eth0"))) == []


def test_newest_bound_callback_is_called_first(net):
    a, b = TestDriver("a"), TestDriver("b")
    offload_dev(net, "ea", a)
    offload_dev(net, "eb", b)
    net.qdisc_add("ea", "ingress", ingress_block=5)
    net.qdisc_add("eb", "ingress", ingress_block=5)
    block = net.blocks[5]
    assert [cb.owner for cb in block.cb_list] == ["b:eb", "a:ea"]
    add(net, block_target(5), SW)
    assert [e.owner for e in net.log.events if e.op == "add"] == ["b:eb", "a:ea"]


def test_err_stop_stops_at_first_failure_and_does_not_undo_earlier(net):
    """§1.3: with skip_sw the failing callback stops the walk; the classifier's rollback
    (a destroy to every callback) is what undoes the earlier success."""
    a, b, c = TestDriver("a"), TestDriver("b", "reject"), TestDriver("c")
    for name, d in (("ec", c), ("eb", b), ("ea", a)):
        offload_dev(net, name, d)
        net.qdisc_add(name, "ingress", ingress_block=1)
    # list order is ea, eb, ec (newest first)
    err = add_err(net, block_target(1), SW)
    assert err.errno == errno.EOPNOTSUPP and err.extack == "b: rejected"
    add_events = [(e.owner, e.ret) for e in net.log.events if e.op == "add"]
    assert add_events == [("a:ea", 0), ("b:eb", -95)]  # c never asked
    rollback = [(e.owner, e.prog, e.oldprog is not None) for e in net.log.events
                if e.op == "rollback"]
    assert [r[0] for r in rollback] == ["a:ea", "b:eb", "c:ec"]
    assert all(r[1] is None and r[2] for r in rollback)  # destroy requests
    assert a.held["ea"] == [] and c.held.get("ec", []) == []
    assert net.blocks[1].offloadcnt == 0


def test_no_err_stop_ignores_failures_and_counts_successes(net):
    a, b = TestDriver("a"), TestDriver("b", "reject")
    offload_dev(net, "eb", b)
    offload_dev(net, "ea", a)
    net.qdisc_add("eb", "ingress", ingress_block=1)
    net.qdisc_add("ea", "ingress", ingress_block=1)
    f = add(net, block_target(1), 0)
    assert f.in_hw_count == 1
    assert f.gen_flags & TCA_CLS_FLAGS_IN_HW and not f.gen_flags & TCA_CLS_FLAGS_NOT_IN_HW
    assert net.blocks[1].offloadcnt == 1


def test_driver_extack_only_reaches_skip_sw(net):
    """§1.4: tc_cls_common_offload_init passes extack only for skip_sw (or VERBOSE)."""
    d = TestDriver("d", "reject")
    offload_dev(net, "e0", d)
    net.qdisc_add("e0", "ingress")
    f = add(net, dev_target("e0"), 0)
    assert f.gen_flags & TCA_CLS_FLAGS_NOT_IN_HW
    ev = next(e for e in net.log.events if e.op == "add")
    assert ev.ret == -95 and ev.extack is None


def test_nooffloaddevcnt_refuses_skip_sw_without_calling_anyone(net):
    d = TestDriver("d")
    offload_dev(net, "e0", d)
    net.add_device("veth0", kind="veth")
    net.qdisc_add("e0", "ingress", ingress_block=2)
    net.qdisc_add("veth0", "ingress", ingress_block=2)
    assert net.blocks[2].nooffloaddevcnt == 1
    err = add_err(net, block_target(2), SW)
    assert err.errno == errno.EOPNOTSUPP and err.extack is None
    # No add reached the driver; the classifier's rollback still sends it a remove.
    assert [(c[1] is None, c[2] is not None) for c in d.calls] == [(True, True)]
    assert [e.op for e in net.log.events if e.setup_type == "TC_SETUP_CLSBPF"] == ["rollback"]
    f = add(net, block_target(2), 0, prio=2)
    assert f.in_hw_count == 1  # without skip_sw the check does not apply


def test_skip_sw_with_no_callback_is_einval_and_no_rollback(net):
    net.add_device("e0")  # no driver at all: counted as non-offload
    net.qdisc_add("e0", "ingress")
    # nooffloaddevcnt is 1, so this is the EOPNOTSUPP rule first
    assert add_err(net, dev_target("e0"), SW).errno == errno.EOPNOTSUPP


def test_skip_sw_einval_when_ok_count_is_zero(net):
    """§1.4: callbacks exist, none fails with err_stop... impossible; but a driver that is
    bound and answers 0 without taking the program (ok_count counts it) keeps IN_HW. The
    final rule fires when nothing is bound and no non-offload device is counted."""
    d = TestDriver("d")
    offload_dev(net, "e0", d)
    net.qdisc_add("e0", "ingress", ingress_block=3)
    block = net.blocks[3]
    block.cb_list.clear()  # nothing bound (a driver that registered no callback)
    err = add_err(net, block_target(3), SW)
    assert err.errno == errno.EINVAL and err.extack is None
    assert not [e for e in net.log.events if e.op == "rollback"]


def test_callback_that_raises_is_eio_naming_the_driver(net):
    d = TestDriver("boom")
    offload_dev(net, "e0", d)
    net.qdisc_add("e0", "ingress")

    def explode(*_a):
        raise RuntimeError("firmware on fire")

    net.devices["e0"].ingress_qdisc.ingress_block.cb_list[0].cb = explode
    err = add_err(net, dev_target("e0"), SW)
    assert err.errno == errno.EIO
    assert "boom:e0" in err.extack and "firmware on fire" in err.extack
    block = net.devices["e0"].ingress_qdisc.ingress_block
    assert block.offloadcnt == 0 and list(block.iter_tps()) == []
    ev = [e for e in net.log.events if e.raised]
    assert ev and "RuntimeError" in ev[0].raised


def test_callback_returning_garbage_is_eio(net):
    d = TestDriver("odd")
    offload_dev(net, "e0", d)
    net.qdisc_add("e0", "ingress")
    net.devices["e0"].ingress_qdisc.ingress_block.cb_list[0].cb = lambda *a: "yes"
    assert add_err(net, dev_target("e0"), SW).errno == errno.EIO


def test_fakeprog_is_a_program():
    from core.prog import Program

    assert isinstance(FakeProg(), Program)
