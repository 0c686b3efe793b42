"""A friendly face on the emulator's :class:`hwsim.faults.FaultPlan` for test authors.

    offload_faults.fail("add", errno="EBUSY", port="eth0", nth=1)
    offload_faults.reset("eth1")          # the card behind eth1 loses its state silently
    offload_faults.clear()

Errnos are given by name (``"EBUSY"``) or number; rules match requests as
:class:`hwsim.faults.FaultRule` does (kind add/replace/remove/stats/bind/unbind/any, port,
program name, ``during`` rollback/replay, the ``nth`` match, ``times``). The simulated NIC
consults the plan itself; a driver plugin's cards are wrapped by the bus-level fault shim
(:mod:`offload.fault_cmd`) when the emulator creates them, and any other driver found on
the emulator's devices is wrapped when a rule is added, so the faults reach every port.
"""

from __future__ import annotations

import errno as errno_mod
from typing import Any

import attrs

from hwsim.faults import FaultPlan, FaultRule


def errno_value(value: int | str) -> int:
    """``"EBUSY"``/``"-EBUSY"``/``16``/``-16`` -> 16."""
    if isinstance(value, int):
        return abs(value)
    name = value.strip().lstrip("-").upper()
    num = getattr(errno_mod, name, None)
    if not isinstance(num, int):
        raise ValueError(f"unknown errno name {value!r}")
    return num


def _has_foreign_driver(emu: Any) -> bool:
    """A device whose driver is neither the simulated NIC nor already fault-wrapped."""
    from drivers.simnic.driver import SimNicDriver

    shim = getattr(emu, "_fault_shim", None)
    wrapped = shim._wrapped if shim is not None else set()
    return any(d.has_setup_tc and not isinstance(d.driver, SimNicDriver)
               and id(d.driver) not in wrapped for d in emu.net.devices.values())


@attrs.define
class Faults:
    """Rules added through this object go to ``plan`` (the emulator's, shared by its cards)."""

    plan: FaultPlan
    emu: Any = None

    def _add(self, rule: FaultRule) -> FaultRule:
        # Every card on the emulator's netdevsim bus consults ``emu.faults`` already (the
        # simulated NIC itself, plugin cards through the shim the emulator installs); a
        # driver attached by hand (net.add_device(driver=...)) is wrapped here.
        if self.emu is not None and _has_foreign_driver(self.emu):
            from offload.fault_cmd import shim_of

            shim_of(self.emu)
        return self.plan.add(rule)

    def fail(self, kind: str = "any", errno: int | str = "EOPNOTSUPP", *,
             port: str | None = None, prog: str | None = None, nth: int | None = None,
             times: int | None = None, during: str | None = None,
             extack: str | None = "injected fault") -> FaultRule:
        """Make matching requests fail with ``-errno`` (and ``extack``, shown only for
        skip_sw filters, as the kernel passes an extack only then)."""
        return self._add(FaultRule(kind=kind, action="errno", errno=errno_value(errno),
                                   extack=extack, port=port, prog_name=prog, nth=nth,
                                   times=times, during=during))

    def raise_(self, kind: str = "any", *, port: str | None = None, nth: int | None = None,
               times: int | None = None, during: str | None = None) -> FaultRule:
        """Make the driver's callback raise (the core turns that into -EIO)."""
        return self._add(FaultRule(kind=kind, action="raise", port=port, nth=nth, times=times,
                                   during=during))

    def reset(self, port: str | None = None, kind: str = "any", *, nth: int | None = 1,
              during: str | None = None) -> FaultRule:
        """The card behind ``port`` drops everything it holds when the ``nth`` matching
        request arrives (a firmware reset nobody is told about); the request then goes on."""
        return self._add(FaultRule(kind=kind, action="reset", port=port, nth=nth,
                                   during=during))

    def delay(self, ms: int, kind: str = "any", *, port: str | None = None,
              nth: int | None = None) -> FaultRule:
        return self._add(FaultRule(kind=kind, action="delay", delay_ms=ms, port=port, nth=nth))

    def random(self, rate: float, seed: int) -> None:
        """Fail each request with probability ``rate``, reproducibly for ``seed``."""
        self.plan.enable_random(rate, seed)

    def clear(self) -> None:
        """Remove every rule and switch random mode off."""
        self.plan.clear()
        self.plan.random_rate = 0.0

    @property
    def fired(self) -> list[str]:
        """One line per fault that fired, in order."""
        return list(self.plan.log)
