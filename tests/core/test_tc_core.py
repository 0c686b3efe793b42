"""Spec §3.2, §3.3, §3.7 and §2.4: tc_new_tfilter/tc_del_tfilter/cls_bpf_change checks,
with the kernel's own errnos and extack strings (the ones iproute2 printed on 6.1)."""

from __future__ import annotations

import errno

import pytest

from core.cls_bpf import ClsBpfOpts
from core.errors import TcError
from core.flags import TCA_CLS_FLAGS_SKIP_HW, TCA_CLS_FLAGS_SKIP_SW
from tests.core.conftest import (
    FakeProg,
    TestDriver,
    add,
    add_err,
    block_target,
    dev_target,
    offload_dev,
)


@pytest.fixture
def veth(net):
    net.add_device("v0", kind="veth")
    net.qdisc_add("v0", "ingress")
    return net


def test_auto_prio_counts_down_from_c000(veth):
    t = dev_target("v0")
    add(veth, t, prio=0)
    add(veth, t, prio=0)
    add(veth, t, prio=7)
    prios = [tp.prio for tp, f in veth.filter_dump(t) if f is None]
    assert prios == [7, 0xC000 - 1, 0xC000]


def test_handles_are_allocated_from_one_and_newest_is_first(veth):
    t = dev_target("v0")
    add(veth, t, prio=7)
    add(veth, t, prio=7)
    add(veth, t, prio=7, handle=9)
    handles = [f.handle for tp, f in veth.filter_dump(t) if f is not None]
    assert handles == [9, 2, 1]


@pytest.mark.parametrize(
    ("kw", "err", "msg"),
    [
        ({"handle": 1, "excl": True}, errno.EEXIST, "Filter already exists"),
        ({"handle": 11, "create": False, "excl": False}, errno.ENOENT,
         "Need both RTM_NEWTFILTER and NLM_F_CREATE to create a new filter"),
        ({"prio": 0, "create": False, "excl": False}, errno.ENOENT,
         "Invalid filter command with priority of zero"),
        ({"chain": 0x10000000}, errno.EINVAL, "Specified chain index exceeds upper limit"),
        ({"protocol": 0x0800}, errno.EINVAL,
         "Filter with specified priority/protocol not found"),
    ],
)
def test_new_filter_errors(veth, kw, err, msg):
    t = dev_target("v0")
    add(veth, t, prio=7, handle=1)
    kw.setdefault("prio", 7)
    e = add_err(veth, t, **kw)
    assert (e.errno, e.extack) == (err, msg)


def test_kind_mismatch(veth):
    t = dev_target("v0")
    veth.filter_new(t, kind="u32", opts=None, prio=1)
    with pytest.raises(TcError) as ei:
        add(veth, t, prio=1)
    assert ei.value.extack == "Specified filter kind does not match existing one"
    assert ei.value.errno == errno.EINVAL


def test_unknown_classifier(veth):
    with pytest.raises(TcError) as ei:
        veth.filter_new(dev_target("v0"), kind="nosuch", opts=None, prio=1)
    assert (ei.value.errno, ei.value.extack) == (errno.ENOENT, "TC classifier not found")


def test_missing_program_is_einval_and_leaves_no_tp(veth):
    t = dev_target("v0")
    with pytest.raises(TcError) as ei:
        veth.filter_new(t, kind="bpf", opts=ClsBpfOpts(), prio=5)
    assert ei.value.errno == errno.EINVAL and ei.value.extack is None
    assert list(veth.filter_dump(t)) == []
    with pytest.raises(TcError):
        veth.filter_new(t, kind="bpf", opts=None, prio=5)


def test_bad_bpf_flags_einval(veth):
    with pytest.raises(TcError) as ei:
        veth.filter_new(dev_target("v0"), kind="bpf",
                        opts=ClsBpfOpts(prog=FakeProg(), bpf_flags=2), prio=5)
    assert ei.value.errno == errno.EINVAL


def test_device_bound_program_needs_skip_sw(net):
    d = TestDriver("A")
    dev = offload_dev(net, "e0", d)
    net.qdisc_add("e0", "ingress")
    bound = FakeProg(offload_ifindex=dev.ifindex)
    assert add_err(net, dev_target("e0"), 0, bound).errno == errno.EINVAL
    add(net, dev_target("e0"), TCA_CLS_FLAGS_SKIP_SW, bound)


def test_wrong_program_type_einval(veth):
    assert add_err(veth, dev_target("v0"), 0, FakeProg(prog_type=6)).errno == errno.EINVAL


def test_delete_errors_and_flush(veth):
    t = dev_target("v0")
    add(veth, t, prio=7, handle=1)
    add(veth, t, prio=7, handle=2)
    add(veth, t, prio=8, handle=1)
    with pytest.raises(TcError) as ei:
        veth.filter_del(t, prio=7, handle=12, kind="bpf")
    assert (ei.value.errno, ei.value.extack) == (errno.ENOENT, "Specified filter handle not found")
    with pytest.raises(TcError) as ei:
        veth.filter_del(t, prio=9)
    assert ei.value.extack == "Filter with specified priority/protocol not found"
    with pytest.raises(TcError) as ei:
        veth.filter_del(t, prio=0, handle=1)
    assert ei.value.extack == "Cannot flush filters with protocol, handle or kind set"
    veth.filter_del(t, prio=7, handle=1, kind="bpf")
    veth.filter_del(t, prio=7, handle=2, kind="bpf")  # last one: the tp goes too
    assert [tp.prio for tp, f in veth.filter_dump(t) if f is None] == [8]
    veth.filter_del(t)  # flush chain 0
    assert list(veth.filter_dump(t)) == []
    veth.filter_del(t, chain=3)  # flushing a chain that does not exist is fine
    with pytest.raises(TcError) as ei:
        veth.filter_del(t, chain=3, prio=1)
    assert ei.value.extack == "Cannot find specified filter chain"


def test_shared_block_addressing(net):
    net.add_device("v0", kind="veth")
    net.qdisc_add("v0", "ingress", ingress_block=4)
    e = add_err(net, dev_target("v0"))
    assert (e.errno, e.extack) == (
        errno.EOPNOTSUPP,
        "This filter block is shared. Please use the block index to manipulate the filters",
    )
    e = add_err(net, block_target(5))
    assert (e.errno, e.extack) == (errno.EINVAL, "Block of given index was not found")
    add(net, block_target(4))


def test_no_qdisc(net):
    net.add_device("v0", kind="veth")
    e = add_err(net, dev_target("v0"))
    assert (e.errno, e.extack) == (errno.EINVAL, "Parent Qdisc doesn't exists")


@pytest.mark.parametrize(
    ("call", "err", "msg"),
    [
        (lambda n: n.qdisc_add("v0", "clsact"), errno.EEXIST,
         "Exclusivity flag on, cannot modify"),
        (lambda n: n.qdisc_del("v0", "clsact"), errno.EINVAL, "Invalid qdisc name"),
        (lambda n: n.qdisc_add("v0", "ingress", excl=False, ingress_block=3), errno.EOPNOTSUPP,
         "Change of blocks is not supported"),
    ],
)
def test_qdisc_errors(veth, call, err, msg):
    with pytest.raises(TcError) as ei:
        call(veth)
    assert (ei.value.errno, ei.value.extack) == (err, msg)


def test_qdisc_del_without_ingress_queue_finds_nothing(net):
    """tc_get_qdisc: no ingress queue was ever created (conformance c36)."""
    net.add_device("v0", kind="veth")
    with pytest.raises(TcError) as ei:
        net.qdisc_del("v0", "clsact")
    assert (ei.value.errno, ei.value.extack) == (
        errno.ENOENT, "Cannot find specified qdisc on specified device")


def test_qdisc_del_after_delete_is_invalid_handle(net):
    """The queue stays with noop_qdisc (handle 0) after its qdisc went (c36)."""
    net.add_device("v0", kind="veth")
    net.qdisc_add("v0", "ingress")
    net.qdisc_del("v0", "ingress")
    with pytest.raises(TcError) as ei:
        net.qdisc_del("v0", "clsact")
    assert (ei.value.errno, ei.value.extack) == (errno.EINVAL, "Invalid handle")


def test_skip_hw_is_not_in_hw_and_never_offered(net):
    d = TestDriver("A")
    offload_dev(net, "e0", d)
    net.qdisc_add("e0", "ingress")
    f = add(net, dev_target("e0"), TCA_CLS_FLAGS_SKIP_HW)
    assert f.gen_flags == TCA_CLS_FLAGS_SKIP_HW | 8
    assert d.calls == []


def test_dump_sends_stats_for_every_filter(net):
    d = TestDriver("A")
    offload_dev(net, "e0", d)
    net.qdisc_add("e0", "ingress")
    add(net, dev_target("e0"), TCA_CLS_FLAGS_SKIP_HW, prio=1)
    add(net, dev_target("e0"), 0, prio=2)
    list(net.filter_dump(dev_target("e0")))
    stats = [e for e in net.log.events if e.op == "stats"]
    assert len(stats) == 2 and all(e.command == "TC_CLSBPF_STATS" for e in stats)
