"""``buggynic``: one net device per driver instance, two program slots, a leaky error path.

It implements the driver contract of ``core.driver``: ``ndo_setup_tc`` registers one block
callback with ``flow_block_cb_setup_simple`` (ingress only), the callback answers
``TC_SETUP_CLSBPF``/``TC_CLSBPF_OFFLOAD`` requests, and two audit hooks tell the emulator
what the hardware really holds (``offload_holdings``) and which device a callback serves
(``offload_netdev``).
"""

from __future__ import annotations

from typing import Any

from core.driver import flow_block_cb_setup_simple, set_extack, tc_cls_can_offload_and_chain0
from core.errors import EBUSY, ENOSPC, EOPNOTSUPP
from core.netdev import NETIF_F_HW_TC, NetDevice
from core.offload import FlowBlockCb, TcClsBpfCommand, TcSetupType

SLOTS = 2


class BuggyNicDriver:
    """The driver of one port. ``fixed=False`` keeps the deliberate bug."""

    def __init__(self, fixed: bool = False) -> None:
        self.name = "buggynic" if not fixed else "buggynic-fixed"
        self.fixed = fixed
        self.slots: list[Any] = []  # what the hardware holds, in slot order
        self.cb_list: list[FlowBlockCb] = []

    # -- net_device_ops ----------------------------------------------------------------
    def ndo_setup_tc(self, dev: NetDevice, type: TcSetupType, type_data: Any) -> int:
        if type != TcSetupType.TC_SETUP_BLOCK:
            return -EOPNOTSUPP
        return flow_block_cb_setup_simple(type_data, self.cb_list, self.block_cb, dev, dev,
                                          ingress_only=True, owner=f"{self.name}:{dev.name}")

    def ndo_set_features(self, dev: NetDevice, features: frozenset[str]) -> int:
        """Refuse turning hw-tc-offload off while programs are loaded (as netdevsim)."""
        if NETIF_F_HW_TC in dev.features and NETIF_F_HW_TC not in features and self.slots:
            return -EBUSY
        return 0

    # -- the block callback --------------------------------------------------------------
    def block_cb(self, type: TcSetupType, req: Any, dev: NetDevice) -> int:
        extack = req.common.extack
        if type != TcSetupType.TC_SETUP_CLSBPF:
            set_extack(extack, self.name, "only BPF classifiers")
            return -EOPNOTSUPP
        if not tc_cls_can_offload_and_chain0(dev, req.common):
            return -EOPNOTSUPP
        if req.command != TcClsBpfCommand.TC_CLSBPF_OFFLOAD:
            return -EOPNOTSUPP
        prog, old = req.prog, req.oldprog
        if old is not None and not any(p is old for p in self.slots):
            old = None  # not ours: a remove of it is a no-op, a replace is an add
        if prog is None:
            if old is not None:
                self.slots.remove(old)
            return 0
        if any(p is prog for p in self.slots):
            set_extack(extack, self.name, "program already loaded")
            return -EBUSY
        if old is not None:
            self.slots[self.slots.index(old)] = prog
            return 0
        self.slots.append(prog)  # written to the hardware first...
        if len(self.slots) > SLOTS:  # ...then the check
            if self.fixed:
                self.slots.remove(prog)
            # BUG (deliberate): without `fixed` the error path keeps the program loaded.
            set_extack(extack, self.name, f"all {SLOTS} program slots in use")
            return -ENOSPC
        return 0

    # -- audit hooks ---------------------------------------------------------------------
    def offload_holdings(self, cb_priv: Any) -> list[Any]:
        return list(self.slots)

    def offload_netdev(self, cb_priv: Any) -> NetDevice:
        return cb_priv


def make_buggy_driver() -> BuggyNicDriver:
    """Entry point ``buggynic``."""
    return BuggyNicDriver(fixed=False)


def make_fixed_driver() -> BuggyNicDriver:
    """Entry point ``buggynic-fixed``."""
    return BuggyNicDriver(fixed=True)
