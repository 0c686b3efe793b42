"""Hypothesis: random add/replace/delete/bind/unbind sequences keep ``offloadcnt`` equal
to the number of filters with IN_HW, in both profiles, whatever the drivers answer."""

from __future__ import annotations

import contextlib

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from core.errors import TcError
from core.flags import TCA_CLS_FLAGS_IN_HW
from core.net import Net
from core.profile import V5_2, V6_1
from tests.core.conftest import FakeProg, TestDriver, add, block_target, offload_dev

MODES = ["accept", "reject", "one", "strict"]
FLAGS = [0, 1, 2]


class BlockMachine(RuleBasedStateMachine):
    profile = V6_1

    @initialize(modes=st.lists(st.sampled_from(MODES), min_size=3, max_size=3))
    def setup(self, modes):
        self.net = Net(self.profile)
        self.drivers = []
        for i, mode in enumerate(modes):
            d = TestDriver(f"d{i}", mode)
            offload_dev(self.net, f"e{i}", d)
            self.drivers.append(d)
        self.net.add_device("v0", kind="veth")
        self.net.qdisc_add("e0", "ingress", ingress_block=1)

    def _try(self, fn, *a, **kw):
        with contextlib.suppress(TcError):
            fn(*a, **kw)

    @rule(prio=st.integers(1, 3), handle=st.integers(1, 3), flags=st.sampled_from(FLAGS),
          replace=st.booleans())
    def add_or_replace(self, prio, handle, flags, replace):
        if 1 in self.net.blocks:
            self._try(add, self.net, block_target(1), flags, FakeProg(), prio=prio,
                      handle=handle, excl=not replace)

    @rule(prio=st.integers(1, 3), handle=st.integers(0, 3))
    def delete(self, prio, handle):
        if 1 in self.net.blocks:
            self._try(self.net.filter_del, block_target(1), prio=prio, handle=handle)

    @rule(dev=st.sampled_from(["e0", "e1", "e2", "v0"]))
    def bind_or_unbind(self, dev):
        if self.net.devices[dev].ingress_qdisc is None:
            self._try(self.net.qdisc_add, dev, "ingress", ingress_block=1)
        else:
            self.net.qdisc_del(dev, "ingress")

    @rule(i=st.integers(0, 2), mode=st.sampled_from(MODES))
    def driver_changes_mind(self, i, mode):
        self.drivers[i].default_mode = mode
        self.drivers[i].mode.clear()

    @invariant()
    def offloadcnt_matches_in_hw_filters(self):
        block = self.net.blocks.get(1)
        if block is None:
            return
        in_hw = sum(
            bool(f.gen_flags & TCA_CLS_FLAGS_IN_HW)
            for tp in block.iter_tps() for f in tp.ops.walk()
        )
        assert block.offloadcnt == in_hw


class BlockMachineV52(BlockMachine):
    profile = V5_2


TestBlockV61 = BlockMachine.TestCase
TestBlockV61.settings = settings(max_examples=60, stateful_step_count=30, deadline=None)
TestBlockV52 = BlockMachineV52.TestCase
TestBlockV52.settings = settings(max_examples=60, stateful_step_count=30, deadline=None)
