"""The invariant checker, extended to driver plugins that are not the simulated NIC.

:class:`offload.invariants.InvariantChecker` knows the simulated NIC's ports. A third-party
driver is auditable through two optional hooks on the driver object:

``offload_holdings(cb_priv) -> list[program]``
    The TC programs the hardware behind a callback (its ``cb_priv``) really holds.
    Without it the driver's callbacks are not audited at all.
``offload_netdev(cb_priv) -> NetDevice`` (optional)
    The net device behind a callback. Without it, ``cb_priv`` itself is used when it is a
    ``NetDevice``, else ``cb_priv.netdev``; the skip_sw contract is only checked for
    callbacks whose device is known (it needs the device's hw-tc-offload state).
"""

from __future__ import annotations

from typing import Any

import attrs

from core.netdev import NetDevice
from core.offload import FlowBlockCb
from offload.invariants import InvariantChecker, Violation, holdings_of


def driver_of(cb: FlowBlockCb) -> Any:
    """The driver object behind a callback (a bound method's ``__self__``)."""
    return getattr(cb.cb, "__self__", None)


def netdev_of(cb: FlowBlockCb) -> NetDevice | None:
    """The net device behind a callback, if the driver lets us know it."""
    hook = getattr(driver_of(cb), "offload_netdev", None)
    if callable(hook):
        dev = hook(cb.cb_priv)
        return dev if isinstance(dev, NetDevice) else None
    if isinstance(cb.cb_priv, NetDevice):
        return cb.cb_priv
    dev = getattr(cb.cb_priv, "netdev", None)
    return dev if isinstance(dev, NetDevice) else None


@attrs.define
class PluginInvariantChecker(InvariantChecker):
    """:class:`InvariantChecker` that also audits ports of any driver with the hooks."""

    def port_holdings(self) -> dict[str, tuple[Any, ...]]:
        out = dict(super().port_holdings())
        for block in self.emu.blocks():
            for cb in block.cb_list:
                dev = netdev_of(cb)
                key = dev.name if dev is not None else cb.owner
                if key in out:
                    continue
                held = holdings_of(cb)
                if held is not None:
                    out[key] = held
        return out

    def _offload_on(self, cb: FlowBlockCb) -> bool:
        dev = netdev_of(cb)
        return bool(dev is not None and dev.tc_can_offload())


def failing(violations: list[Violation], blames: tuple[str, ...]) -> list[Violation]:
    """The violations whose blame is one of ``blames``."""
    return [v for v in violations if v.blame in blames]
