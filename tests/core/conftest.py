"""Small in-test drivers and programs for exercising the core model directly."""

from __future__ import annotations

import itertools
from typing import Any

import attrs
import pytest

from core.cls_bpf import ClsBpfOpts
from core.driver import flow_block_cb_setup_simple, set_extack
from core.errors import EBUSY, TcError
from core.flags import TCA_BPF_FLAG_ACT_DIRECT
from core.net import FilterTarget, Net
from core.netdev import NETIF_F_HW_TC
from core.offload import TcClsBpfCommand, TcSetupType
from core.profile import V5_2, V6_1
from core.skb import SkBuff

_ids = itertools.count(1)


@attrs.define(eq=False)
class FakeProg:
    """Satisfies core.prog.Program; ``ret`` is what run() returns."""

    ret: int = 0
    name: str = "fake"
    id: int = attrs.field(factory=lambda: next(_ids))
    tag: bytes = b"\x00" * 8
    prog_type: int = 3
    offload_ifindex: int | None = None
    is_classic: bool = False
    insn_cnt: int = 2

    def run(self, skb: SkBuff) -> int:
        return self.ret & 0xFFFFFFFF


class TestDriver:
    """A configurable driver. Modes per port:

    - ``accept``: holds any number of programs; remove of an unknown one returns 0.
    - ``strict``: like accept, but a remove of an unknown program is -ENOENT.
    - ``reject``: every request fails with ``errno``/``msg``.
    - ``one``: netdevsim-like single slot (mismatch → -EBUSY, unknown remove → 0).
    """

    __test__ = False  # not a pytest class

    def __init__(self, name: str = "testdrv", mode: str = "accept", errno: int = 95,
                 msg: str | None = "rejected") -> None:
        self.name = name
        self.mode: dict[str, str] = {}
        self.default_mode = mode
        self.errno = errno
        self.msg = msg
        self.cbs: list[Any] = []
        self.held: dict[str, list[Any]] = {}
        self.calls: list[tuple[str, Any, Any]] = []
        self.bind_errno = 0

    def ndo_setup_tc(self, dev: Any, type: TcSetupType, bo: Any) -> int:
        if type != TcSetupType.TC_SETUP_BLOCK:
            return -95
        if self.bind_errno and bo.command == 0:
            return -self.bind_errno
        return flow_block_cb_setup_simple(bo, self.cbs, self.cb, dev, dev, True,
                                          owner=f"{self.name}:{dev.name}")

    def offload_holdings(self, dev: Any) -> list[Any]:
        return list(self.held.get(dev.name, []))

    def cb(self, type: TcSetupType, req: Any, dev: Any) -> int:
        mode = self.mode.get(dev.name, self.default_mode)
        self.calls.append((dev.name, req.prog, req.oldprog))
        held = self.held.setdefault(dev.name, [])
        if req.command == TcClsBpfCommand.TC_CLSBPF_STATS:
            return -95
        if mode == "reject":
            set_extack(req.common.extack, self.name, self.msg or "")
            return -self.errno
        if mode == "one":
            cur = held[0] if held else None
            old = req.oldprog
            if cur is not old:
                old = None
                if req.prog is None:
                    return 0
                if cur is not None:
                    set_extack(req.common.extack, self.name, "states mismatch")
                    return -EBUSY
            held.clear()
            if req.prog is not None:
                held.append(req.prog)
            return 0
        if req.oldprog is not None and req.oldprog in held:
            held.remove(req.oldprog)
        elif req.oldprog is not None and req.prog is None and mode == "strict":
            return -2
        if req.prog is not None:
            held.append(req.prog)
        return 0


INGRESS = FilterTarget  # re-exported for brevity in tests


@pytest.fixture(params=[V6_1, V5_2], ids=["v6.1", "v5.2"])
def net(request: pytest.FixtureRequest) -> Net:
    return Net(request.param)


@pytest.fixture
def net61() -> Net:
    return Net(V6_1)


@pytest.fixture
def net52() -> Net:
    return Net(V5_2)


def offload_dev(net: Net, name: str, driver: Any, on: bool = True) -> Any:
    dev = net.add_device(name, driver=driver)
    if on:
        dev.features.add(NETIF_F_HW_TC)
    return dev


def dev_target(name: str) -> FilterTarget:
    return FilterTarget(dev=name, parent=0xFFFFFFF2)


def block_target(index: int) -> FilterTarget:
    return FilterTarget(block_index=index)


def add(net: Net, target: FilterTarget, flags: int = 0, prog: Any = None, *, prio: int = 1,
        handle: int = 0, create: bool = True, excl: bool = True, chain: int = 0,
        protocol: int = 3, da: bool = True, classid: int | None = None) -> Any:
    """tc filter add/replace/change; returns the filter."""
    opts = ClsBpfOpts(prog=prog if prog is not None else FakeProg(), gen_flags=flags,
                      bpf_flags=TCA_BPF_FLAG_ACT_DIRECT if da else None, classid=classid)
    _, f = net.filter_new(target, kind="bpf", opts=opts, prio=prio, handle=handle,
                          create=create, excl=excl, chain=chain, protocol=protocol)
    return f


def add_err(net: Net, target: FilterTarget, flags: int = 0, prog: Any = None,
            **kw: Any) -> TcError:
    with pytest.raises(TcError) as ei:
        add(net, target, flags, prog, **kw)
    return ei.value


def the_filter(net: Net, target: FilterTarget, prio: int = 1, handle: int = 1) -> Any:
    return net.filter_get(target, prio=prio, handle=handle)[1]
