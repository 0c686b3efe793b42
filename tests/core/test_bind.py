"""Spec §2 (block binding, replay, unbind) and §6 quirks A, B, D."""

from __future__ import annotations

import errno

import pytest

from core.errors import TcError
from core.flags import (
    TCA_CLS_FLAGS_IN_HW,
    TCA_CLS_FLAGS_NOT_IN_HW,
    TCA_CLS_FLAGS_SKIP_SW,
)
from core.netdev import NETIF_F_HW_TC
from tests.core.conftest import (
    FakeProg,
    TestDriver,
    add,
    block_target,
    offload_dev,
)

SW = TCA_CLS_FLAGS_SKIP_SW


def bind(net, name, index=1):
    net.qdisc_add(name, "ingress", ingress_block=index)


def test_bind_replays_existing_filters_to_the_new_callback(net):
    a, b = TestDriver("A"), TestDriver("B")
    offload_dev(net, "ea", a)
    offload_dev(net, "eb", b)
    bind(net, "ea")
    f = add(net, block_target(1), SW, FakeProg(), handle=1)
    assert f.in_hw_count == 1
    bind(net, "eb")
    assert b.held["eb"] == [f.prog]
    assert f.in_hw_count == 2
    assert [e.op for e in net.log.events][-2:] == ["bind", "replay-add"]
    assert net.blocks[1].lockeddevcnt == 2


def test_bind_rejected_by_replay_leaves_nothing_behind_with_strict_driver(net):
    """The new driver refuses a skip_sw filter: the bind fails with its error, the replay
    is unrolled, the callback never joins the list, and counts are as before."""
    a = TestDriver("A")
    b = TestDriver("B", "strict")
    offload_dev(net, "ea", a)
    offload_dev(net, "eb", b)
    bind(net, "ea")
    f = add(net, block_target(1), SW, FakeProg(), handle=1)
    b.mode["eb"] = "reject"
    with pytest.raises(TcError) as ei:
        bind(net, "eb")
    assert ei.value.errno == errno.EOPNOTSUPP and ei.value.extack == "B: rejected"
    block = net.blocks[1]
    assert [cb.owner for cb in block.cb_list] == ["A:ea"]
    assert b.cbs == []  # list_del(&block_cb->driver_list)
    assert net.devices["eb"].ingress_qdisc is None
    assert block.lockeddevcnt == 1 and block.refcnt == 1
    # strict driver: the replayed remove is refused, so the count is right... but the
    # reject mode refuses removes as well, so nothing was acknowledged.
    assert f.in_hw_count == 1 and f.gen_flags & TCA_CLS_FLAGS_IN_HW


def test_quirk_b_failed_bind_miscounts(net):
    """Quirk B(a), observed on 6.1 with netdevsim: the failed bind's replay remove is
    acknowledged by the joining device, which never held the filter; IN_HW is lost while
    A still holds the program."""
    a, b = TestDriver("A", "one"), TestDriver("B", "one")
    offload_dev(net, "ea", a)
    offload_dev(net, "eb", b)
    bind(net, "ea")
    f = add(net, block_target(1), SW, FakeProg(), handle=1)
    b.held["eb"] = [FakeProg(name="xdp")]  # B's single slot is taken (XDP offload)
    with pytest.raises(TcError) as ei:
        bind(net, "eb")
    assert ei.value.errno == errno.EBUSY and ei.value.extack == "B: states mismatch"
    assert f.in_hw_count == 0 and not f.gen_flags & TCA_CLS_FLAGS_IN_HW
    assert a.held["ea"] == [f.prog]  # hardware still has it
    assert net.blocks[1].offloadcnt == 0


def test_unbind_decrements_counts_and_quirk_d_dead_skip_sw(net):
    a = TestDriver("A")
    offload_dev(net, "ea", a)
    offload_dev(net, "eb", TestDriver("B"))
    bind(net, "ea")
    bind(net, "eb")
    f = add(net, block_target(1), SW, FakeProg(), handle=1)
    assert f.in_hw_count == 2
    net.qdisc_del("eb", "ingress")
    assert f.in_hw_count == 1 and f.gen_flags & TCA_CLS_FLAGS_IN_HW
    net.qdisc_del("ea", "ingress")  # last reference: the block goes with its filters
    assert 1 not in net.blocks


def test_non_offload_device_cannot_join_block_in_use(net):
    """§2.1 step 3: -EOPNOTSUPP without a message; nothing changes on the block."""
    a = TestDriver("A")
    offload_dev(net, "ea", a)
    net.add_device("v0", kind="veth")
    bind(net, "ea")
    add(net, block_target(1), SW, FakeProg(), handle=1)
    with pytest.raises(TcError) as ei:
        bind(net, "v0")
    assert ei.value.errno == errno.EOPNOTSUPP and ei.value.extack is None
    assert net.blocks[1].nooffloaddevcnt == 0 and net.blocks[1].refcnt == 1


def test_quirk_b_unbind_underflow_wraps_u32(net):
    """Quirk B(b): a device that never took a filter acknowledges its remove on unbind."""
    a, b = TestDriver("A"), TestDriver("B", "reject")
    offload_dev(net, "ea", a)
    offload_dev(net, "eb", b)
    bind(net, "eb")
    bind(net, "ea")
    f = add(net, block_target(1), 0, FakeProg(), handle=1)  # B refused, not skip_sw
    assert f.in_hw_count == 1
    b.mode["eb"] = "accept"  # B now acknowledges removes of what it does not hold
    net.qdisc_del("eb", "ingress")
    assert f.in_hw_count == 0 and not f.gen_flags & TCA_CLS_FLAGS_IN_HW
    # a second acknowledged remove on a zero count wraps
    c = TestDriver("C")
    offload_dev(net, "ec", c)
    c.mode["ec"] = "reject"
    bind(net, "ec")
    c.mode["ec"] = "accept"
    net.qdisc_del("ec", "ingress")
    assert f.in_hw_count == 0xFFFFFFFF
    assert not f.gen_flags & TCA_CLS_FLAGS_IN_HW  # IN_HW unchanged by the wrap


def test_quirk_a_both_bits_after_bind_replay(net):
    a = TestDriver("A")
    offload_dev(net, "ea", a, on=True)
    net.add_device("v0", kind="veth")
    bind(net, "v0")  # non-offload device first: nooffloaddevcnt = 1
    f = add(net, block_target(1), 0, FakeProg(), handle=1)
    assert f.gen_flags & TCA_CLS_FLAGS_NOT_IN_HW and not f.gen_flags & TCA_CLS_FLAGS_IN_HW
    bind(net, "ea")
    assert f.gen_flags & TCA_CLS_FLAGS_IN_HW and f.gen_flags & TCA_CLS_FLAGS_NOT_IN_HW


def test_quirk_a_neither_bit_after_unbind(net):
    a = TestDriver("A")
    offload_dev(net, "ea", a)
    net.add_device("v0", kind="veth")
    bind(net, "ea")
    f = add(net, block_target(1), 0, FakeProg(), handle=1)
    assert f.gen_flags & TCA_CLS_FLAGS_IN_HW and not f.gen_flags & TCA_CLS_FLAGS_NOT_IN_HW
    # unbind A while a second device (which refused the filter) keeps the block
    offload_dev(net, "eb", TestDriver("B", "reject"))
    bind(net, "eb")
    net.qdisc_del("ea", "ingress")
    assert not f.gen_flags & (TCA_CLS_FLAGS_IN_HW | TCA_CLS_FLAGS_NOT_IN_HW)


def test_offload_disabled_device_cannot_join_offloaded_block(net):
    a, b = TestDriver("A"), TestDriver("B")
    offload_dev(net, "ea", a)
    offload_dev(net, "eb", b, on=False)
    bind(net, "ea")
    add(net, block_target(1), SW, FakeProg(), handle=1)
    with pytest.raises(TcError) as ei:
        bind(net, "eb")
    assert ei.value.errno == errno.EOPNOTSUPP
    assert ei.value.extack == "Bind to offloaded block failed as dev has offload disabled"
    net.devices["eb"].features.add(NETIF_F_HW_TC)
    bind(net, "eb")


def test_driver_bind_error_gets_core_message(net):
    a = TestDriver("A")
    a.bind_errno = errno.ENOMEM
    offload_dev(net, "ea", a)
    with pytest.raises(TcError) as ei:
        bind(net, "ea")
    assert ei.value.errno == errno.ENOMEM and ei.value.extack == "Driver ndo_setup_tc failed"
    assert 1 not in net.blocks


def test_egress_binding_of_ingress_only_driver_is_a_non_offload_device(net):
    a = TestDriver("A")
    offload_dev(net, "ea", a)
    net.qdisc_add("ea", "clsact", egress_block=9)
    assert net.blocks[9].nooffloaddevcnt == 1 and net.blocks[9].cb_list == []


def test_profiles_order_unbind_and_flush_differently(net):
    a = TestDriver("A")
    offload_dev(net, "ea", a)
    bind(net, "ea")
    add(net, block_target(1), SW, FakeProg(), handle=1)
    n = len(net.log.events)
    net.qdisc_del("ea", "ingress")
    ops = [e.op for e in net.log.events[n:]]
    if net.profile.name == "v6.1":
        assert ops[:2] == ["unbind", "replay-remove"]
    else:
        assert ops[0] == "delete" and "unbind" in ops
    assert a.held["ea"] == []


def test_driver_raising_during_bind_is_eio_and_leaves_nothing(net):
    class Raises(TestDriver):
        def ndo_setup_tc(self, dev, type, bo):
            super().ndo_setup_tc(dev, type, bo)  # registers its callback, then fails
            raise RuntimeError("firmware timeout")

    d = Raises("R")
    offload_dev(net, "er", d)
    with pytest.raises(TcError) as ei:
        bind(net, "er")
    assert ei.value.errno == errno.EIO and "firmware timeout" in ei.value.extack
    assert d.cbs == [] and 1 not in net.blocks
