"""``duonic``: two program slots per port, make-before-break replace, a leaky error path.

One driver instance per card (the emulator calls the factory once per card); each port has
its own slots. It implements the driver contract of ``core.driver``:

- ``ndo_setup_tc`` binds one block callback per port (``flow_block_cb_setup_simple``,
  ingress only, ``cb_priv`` = the port's ``NetDevice``);
- the callback answers ``TC_CLSBPF_OFFLOAD`` add / replace / remove;
- ``offload_holdings`` / ``offload_netdev`` let the emulator audit it;
- ``bpf_verifier_prep`` / ``bpf_verify`` / ``bpf_translate`` / ``bpf_destroy`` take
  device-bound programs (``tc ... skip_sw obj``, ``bpftool prog load ... dev``).

The bug (``fixed=False``): a replace loads the new program into a free slot before it
unloads the old one ("make before break"). With both slots in use there is no free slot:
the driver answers ``-ENOSPC``, but its error path has already unloaded the old program.
The fixed driver swaps the program in the old one's slot.
"""

from __future__ import annotations

from typing import Any

from core.driver import flow_block_cb_setup_simple, set_extack, tc_cls_can_offload_and_chain0
from core.errors import EBUSY, ENOSPC, EOPNOTSUPP
from core.netdev import NETIF_F_HW_TC, NetDevice
from core.offload import FlowBlockCb, TcClsBpfCommand, TcSetupType


def _flag(value: str | bool) -> bool:
    if isinstance(value, bool):
        return value
    if value.lower() in ("1", "yes", "true", "on"):
        return True
    if value.lower() in ("0", "no", "false", "off"):
        return False
    raise ValueError(f"expected a boolean (1/0, yes/no), got {value!r}")


class DuoNicDriver:
    """The driver of one duonic card."""

    def __init__(self, slots: int = 2, fixed: bool = False, bpf: bool = True) -> None:
        self.name = "duonic-fixed" if fixed else "duonic"
        self.nslots = slots
        self.fixed = fixed
        self.bpf = bpf
        self.slots: dict[str, list[Any]] = {}  # port name -> programs, in slot order
        self.cb_list: list[FlowBlockCb] = []
        self.bound: list[Any] = []  # device-bound programs the card's verifier took

    # -- net_device_ops ------------------------------------------------------------------
    def ndo_setup_tc(self, dev: NetDevice, type: TcSetupType, type_data: Any) -> int:
        if type != TcSetupType.TC_SETUP_BLOCK:
            return -EOPNOTSUPP
        self.slots.setdefault(dev.name, [])
        return flow_block_cb_setup_simple(type_data, self.cb_list, self.block_cb, dev, dev,
                                          ingress_only=True, owner=f"{self.name}:{dev.name}")

    def ndo_set_features(self, dev: NetDevice, features: frozenset[str]) -> int:
        """Refuse turning hw-tc-offload off while the port holds programs (as netdevsim)."""
        if NETIF_F_HW_TC in dev.features and NETIF_F_HW_TC not in features and \
                self.slots.get(dev.name):
            return -EBUSY
        return 0

    # -- the block callback --------------------------------------------------------------
    def block_cb(self, type: TcSetupType, req: Any, dev: NetDevice) -> int:
        extack = req.common.extack
        if type != TcSetupType.TC_SETUP_CLSBPF:
            return -EOPNOTSUPP
        if not tc_cls_can_offload_and_chain0(dev, req.common):
            return -EOPNOTSUPP
        if req.command != TcClsBpfCommand.TC_CLSBPF_OFFLOAD:
            return -EOPNOTSUPP
        slots = self.slots.setdefault(dev.name, [])
        prog, old = req.prog, req.oldprog
        if old is not None and not any(p is old for p in slots):
            old = None  # not ours: a remove of it is a no-op, a replace is an add
        if prog is None:  # remove
            if old is not None:
                slots.remove(old)
            return 0
        if any(p is prog for p in slots):
            set_extack(extack, self.name, "program already loaded")
            return -EBUSY
        if old is not None:
            return self._replace(slots, prog, old, extack)
        if len(slots) >= self.nslots:
            set_extack(extack, self.name, f"all {self.nslots} program slots in use")
            return -ENOSPC
        slots.append(prog)
        return 0

    def _replace(self, slots: list[Any], prog: Any, old: Any, extack: Any) -> int:
        if self.fixed:
            slots[slots.index(old)] = prog  # swap in place: no free slot needed
            return 0
        # make before break: the new program needs a free slot while the old one runs...
        full = len(slots) >= self.nslots
        slots.remove(old)  # BUG (deliberate): ...but the old one is unloaded first,
        if full:  # and with every slot in use the error path forgets to reload it
            set_extack(extack, self.name, "no free slot for make-before-break replace")
            return -ENOSPC
        slots.append(prog)
        return 0

    # -- device-bound programs (the BPF offload verifier path) ----------------------------
    def bpf_verifier_prep(self, dev: NetDevice, prog: Any) -> int:
        """Like ``nsim_bpf_verifier_prep``: refuse all when the card's ``bpf`` is off."""
        return 0 if self.bpf else -EOPNOTSUPP

    def bpf_verify(self, dev: NetDevice, prog: Any) -> tuple[int, list[str]]:
        return 0, [f"[{self.name}] {dev.name} takes {getattr(prog, 'name', '?')}"]

    def bpf_translate(self, dev: NetDevice, prog: Any) -> int:
        self.bound.append(prog)
        return 0

    def bpf_destroy(self, dev: NetDevice, prog: Any) -> None:
        self.bound = [p for p in self.bound if p is not prog]

    # -- audit hooks ---------------------------------------------------------------------
    def offload_holdings(self, cb_priv: Any) -> list[Any]:
        return list(self.slots.get(cb_priv.name, []))

    def offload_netdev(self, cb_priv: Any) -> NetDevice:
        return cb_priv

    def offload_reset(self, dev: NetDevice) -> None:
        """The card resets: every port loses its programs."""
        for slots in self.slots.values():
            slots.clear()


def make_driver(slots: str = "2", fixed: str = "0", bpf: str = "1") -> DuoNicDriver:
    """Entry point ``duonic``: ``--driver duonic [--driver-opt slots=N] [--driver-opt
    fixed=1] [--driver-opt bpf=0]``."""
    n = int(slots)
    if n < 1:
        raise ValueError("slots must be at least 1")
    return DuoNicDriver(slots=n, fixed=_flag(fixed), bpf=_flag(bpf))


def make_fixed_driver(slots: str = "2", bpf: str = "1") -> DuoNicDriver:
    """Entry point ``duonic-fixed``: the same card with its replace path fixed."""
    return make_driver(slots=slots, fixed="1", bpf=bpf)
