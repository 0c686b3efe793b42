"""Spec §1.3 (who undoes what), §3.2 (cls_bpf_offload_cmd) and §6 quirks C and F."""

from __future__ import annotations

import errno

from core.flags import TCA_CLS_FLAGS_IN_HW, TCA_CLS_FLAGS_SKIP_SW
from core.profile import UNBOUNDED_ROLLBACK
from tests.core.conftest import (
    FakeProg,
    TestDriver,
    add,
    add_err,
    block_target,
    dev_target,
    offload_dev,
    the_filter,
)

SW = TCA_CLS_FLAGS_SKIP_SW


def shared(net, *drivers):
    """Bind drivers to block 1 in the order given; the last one bound is called first."""
    for i, d in enumerate(drivers):
        offload_dev(net, f"e{i}", d)
        net.qdisc_add(f"e{i}", "ingress", ingress_block=1)


def test_partial_failure_on_shared_block_rolls_back_the_accepting_port(net):
    """A accepts, B fails, skip_sw: A gets the rollback destroy and ends empty."""
    b = TestDriver("B", "reject", errno=errno.EBUSY, msg="no room")
    a = TestDriver("A")
    shared(net, b, a)  # A bound last → called first
    prog = FakeProg(name="p1")
    err = add_err(net, block_target(1), SW, prog)
    assert (err.errno, err.extack) == (errno.EBUSY, "B: no room")
    assert a.held["e1"] == []
    seen_by_a = [(p, o) for dev, p, o in a.calls]
    assert seen_by_a == [(prog, None), (None, prog)]
    assert net.blocks[1].offloadcnt == 0
    assert list(net.blocks[1].iter_tps()) == []  # the new tp went away with the filter


def test_partial_failure_first_callback_fails_others_never_asked(net):
    a = TestDriver("A")
    b = TestDriver("B", "reject")
    shared(net, a, b)  # B first
    add_err(net, block_target(1), SW)
    assert [o for _, p, o in a.calls if p is not None] == []  # A saw only the rollback


def test_failed_add_without_skip_sw_still_creates_filter_not_in_hw(net):
    a = TestDriver("A", "reject")
    shared(net, a)
    f = add(net, block_target(1), 0)
    assert not f.gen_flags & TCA_CLS_FLAGS_IN_HW and f.in_hw_count == 0


def test_replace_failure_is_rolled_back_to_the_old_program(net):
    a = TestDriver("A")
    shared(net, a)
    old = FakeProg(name="old")
    add(net, block_target(1), SW, old, handle=1)
    calls = []

    def flaky(type_, req, dev, real=a.cb):
        calls.append(req.prog)
        if req.prog is not None and req.prog.name == "new":
            return -errno.ENOMEM
        return real(type_, req, dev)

    net.blocks[1].cb_list[0].cb = flaky
    new = FakeProg(name="new")
    err = add_err(net, block_target(1), SW, new, handle=1, excl=False)
    assert err.errno == errno.ENOMEM
    f = the_filter(net, block_target(1))
    assert f.prog is old
    assert calls[:2] == [new, old]  # the replace, then the reverse replace
    # v6.1 rebuilds the old counters with += ok after the reset; v5.2 sets them to ok.
    assert f.in_hw_count == 1 and f.gen_flags & TCA_CLS_FLAGS_IN_HW
    assert net.blocks[1].offloadcnt == 1


def test_v61_persistent_replace_failure_rolls_back_once(net61):
    """The correction at the top of the spec: is_rollback stops the second swap; the old
    filter remains without IN_HW while the hardware still holds the old program."""
    net = net61
    a = TestDriver("A", "one")
    shared(net, a)
    old = FakeProg(name="old")
    add(net, block_target(1), SW, old, handle=1)
    a.mode["e0"] = "reject"
    err = add_err(net, block_target(1), SW, FakeProg(name="new"), handle=1, excl=False)
    assert err.errno == errno.EOPNOTSUPP
    rollbacks = [e for e in net.log.events if e.op == "rollback"]
    assert len(rollbacks) == 1
    f = the_filter(net, block_target(1))
    assert f.prog is old and not f.gen_flags & TCA_CLS_FLAGS_IN_HW and f.in_hw_count == 0
    assert a.held["e0"] == [old]
    assert net.log.findings == []


def test_v52_persistent_replace_failure_is_reported_not_hung(net52):
    net = net52
    a = TestDriver("A", "one")
    shared(net, a)
    add(net, block_target(1), SW, FakeProg(name="old"), handle=1)
    a.mode["e0"] = "reject"
    err = add_err(net, block_target(1), SW, FakeProg(name="new"), handle=1, excl=False)
    assert err.errno == errno.EOPNOTSUPP
    assert [f.kind for f in net.log.findings] == [UNBOUNDED_ROLLBACK]
    depth = max(e.depth for e in net.log.events)
    assert depth == net.profile.max_rollback_depth


def test_v52_replace_keeps_stale_old_count(net52):
    """Quirk F: SEED's replace clears IN_HW of the old filter but not its in_hw_count."""
    net = net52
    a = TestDriver("A")
    shared(net, a)
    old = add(net, block_target(1), SW, FakeProg(), handle=1)
    add(net, block_target(1), SW, FakeProg(), handle=1, excl=False)
    assert old.in_hw_count == 1 and not old.gen_flags & TCA_CLS_FLAGS_IN_HW


def test_v61_replace_resets_old_count(net61):
    a = TestDriver("A")
    shared(net61, a)
    old = add(net61, block_target(1), SW, FakeProg(), handle=1)
    add(net61, block_target(1), SW, FakeProg(), handle=1, excl=False)
    assert old.in_hw_count == 0


def test_replace_with_different_flags_is_einval(net):
    a = TestDriver("A")
    shared(net, a)
    add(net, block_target(1), 1, FakeProg(), handle=1)  # skip_hw
    err = add_err(net, block_target(1), 0, FakeProg(), handle=1, excl=False)
    assert err.errno == errno.EINVAL and err.extack is None
    assert a.calls == []


def test_delete_sends_remove_to_every_callback_even_skip_hw(net):
    """Quirk E: cls_bpf_stop_offload ignores skip_hw; delete never fails."""
    a, b = TestDriver("A", "reject"), TestDriver("B")
    shared(net, a, b)
    add(net, block_target(1), 1, FakeProg(), handle=1)  # skip_hw: nobody asked on add
    assert a.calls == [] and b.calls == []
    net.filter_del(block_target(1), prio=1, handle=1, kind="bpf")
    assert len(a.calls) == 1 and len(b.calls) == 1
    assert list(net.blocks[1].iter_tps()) == []


def test_failed_change_leaves_the_handle_free(net):
    a = TestDriver("A", "reject")
    offload_dev(net, "e0", a)
    net.qdisc_add("e0", "ingress")
    add_err(net, dev_target("e0"), SW, handle=5)
    add(net, dev_target("e0"), 0, handle=5)  # the handle was released
