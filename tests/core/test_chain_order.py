"""Classifier instances of a chain stay in the kernel's order (ascending prio, one tp per
prio) whatever order they are added and deleted in; the lookup is a bisection (issue 15)."""

from __future__ import annotations

import errno

from hypothesis import given, settings
from hypothesis import strategies as st

from core.errors import TcError
from core.net import Net
from tests.core.conftest import add, dev_target

ops = st.lists(st.tuples(st.booleans(), st.integers(min_value=0, max_value=40)), max_size=60)


@settings(max_examples=60, deadline=None)
@given(ops)
def test_tps_follow_a_sorted_model(steps):
    net = Net()
    net.add_device("v0", kind="veth")
    net.qdisc_add("v0", "ingress")
    t = dev_target("v0")
    model: list[int] = []  # the prios that hold a tp, as the kernel's list would have them
    for is_add, prio in steps:
        if is_add:
            f = add(net, t, prio=prio, handle=0)
            got = next(tp.prio for tp, g in net.filter_dump(t) if g is f)
            if prio == 0:  # tcf_auto_prio(): one below the first tp at or above 0x8000
                nxt = [p for p in model if p >= 0x8000]
                assert got == (nxt[0] - 1 if nxt else 0xC000)
            else:
                assert got == prio
            if got not in model:
                model.append(got)
                model.sort()
        elif prio:
            try:
                net.filter_del(t, kind="bpf", prio=prio, protocol=3)
            except TcError as err:
                assert prio not in model and err.errno == errno.ENOENT
            else:
                model.remove(prio)
        shown = [tp.prio for tp, f in net.filter_dump(t) if f is None]
        assert shown == model
