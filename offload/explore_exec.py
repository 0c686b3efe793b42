"""Running one explorer case: a script (with fault lines) on a fresh emulator, checked
after every step.

The commands go through the runner's :class:`offload.runner.Session` (so a case behaves
exactly as ``offload run`` would run the same lines), extended by the ``fault`` command of
:mod:`offload.fault_cmd`. Around every command the :class:`offload.invariants.
InvariantChecker` takes its before/after snapshots, and the bus-level fault shim is
(re)installed on drivers of devices that appeared.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from offload.emulator import Emulator
from offload.fault_cmd import FaultShim, Trace, fault_main, shim_of
from offload.invariants import InvariantChecker, Violation
from offload.report_state import Snapshot, snapshot
from offload.runner import Session
from offload.script import Command
from offload.tc.result import Result
from offload.transcript import Entry

#: tc words that change filters: a failure there must leave the hardware as it was.
_FILTER_CHANGES = ("add", "replace", "change")
#: Invariants about standing state: a violation of one persists until something changes
#: it, so only its first step counts as new. The others are about what a step did.
STATE_INVARIANTS = frozenset({"bookkeeping-matches-hardware", "no-leak", "skip_sw-contract"})


@attrs.frozen
class ExploreConfig:
    """What every case of one exploration shares."""

    profile: str = "v6.1"
    nic: str = "netdevsim"
    driver: str | None = None  # a driver plugin name (entry point) or "module:attr"


class ExploreSession(Session):
    """The runner's session, sure to have the ``fault`` command (whether or not the
    runner dispatches it itself)."""

    def _dispatch(self, cmd: Command) -> Result:
        if cmd.argv and cmd.argv[0] == "fault":
            rc, out, err = fault_main(cmd.argv[1:], self.emu)
            return Result(rc, out, err)
        return super()._dispatch(cmd)


def is_filter_change(cmd: Command) -> bool:
    """``tc filter add|replace|change ...`` (the steps rollback-restores applies to)."""
    words = [w for w in cmd.argv if not w.startswith("-")]
    return (len(words) >= 3 and words[0] == "tc" and words[1] == "filter"
            and words[2] in _FILTER_CHANGES)


def load_plugin_factory(name: str) -> Callable[..., Any]:
    """A driver factory by entry-point name, or ``package.module:attr`` for a plugin that
    is importable but not installed under the ``offload.drivers`` group."""
    from core.driver import DriverPluginError, load_driver_factory

    if ":" not in name:
        return load_driver_factory(name)
    mod_name, _, attr = name.partition(":")
    try:
        factory = getattr(importlib.import_module(mod_name), attr)
    except (ImportError, AttributeError) as exc:
        raise DriverPluginError(f"driver plugin {name!r} failed to load: {exc}") from exc
    if not callable(factory):
        raise DriverPluginError(f"driver plugin {name!r} is not callable")
    return factory


def make_emulator(cfg: ExploreConfig) -> Emulator:
    """A fresh emulator for ``cfg``. With a driver plugin, every port the netdevsim bus
    creates is driven by the plugin (one driver instance per card, from ``factory()``);
    the netdevsim files stay, but only the plugin answers the offload requests."""
    emu = Emulator(cfg.profile, cfg.nic)
    if cfg.driver is not None and cfg.driver != "simnic":
        _use_plugin(emu, load_plugin_factory(cfg.driver), cfg.driver)
    return emu


def _use_plugin(emu: Emulator, factory: Callable[..., Any], name: str) -> None:
    from core.driver import validate_driver

    bus = emu.nsim
    original = bus.new_device

    def new_device(dev_id: int, port_count: int = 1, **kw: Any) -> Any:
        card = original(dev_id, port_count, **kw)
        drv = factory()
        validate_driver(drv, f"driver plugin {name!r}")
        for port in card.ports:
            port.netdev.driver = drv
        return card

    bus.new_device = new_device  # type: ignore[method-assign]


@attrs.frozen
class StepResult:
    """One command of a case: what it printed and the invariant violations after it."""

    index: int  # position in the case's command list
    cmd: Command
    entry: Entry
    violations: tuple[Violation, ...]  # all that hold after this step
    new: tuple[Violation, ...]  # those not already present after the previous step
    state: Snapshot | None  # None when the run was made without snapshots


@attrs.define
class CaseRun:
    """A finished case: its steps, the emulator (for reports) and the fault trace."""

    steps: list[StepResult]
    emu: Emulator
    trace: Trace


def _reblame_after_reset(v: Violation, reset_step: int | None) -> Violation:
    """Kernel-blamed state left stale by an earlier injected reset is the reset's doing."""
    if reset_step is None or v.blame != "kernel" or v.invariant == "termination":
        return v
    return attrs.evolve(v, blame="injected",
                        cause=f"injected device reset: hardware dropped state the kernel "
                              f"still accounts for (profile {v.profile})")


def run_commands(commands: Sequence[Command], cfg: ExploreConfig,
                 on_step: Callable[[StepResult], None] | None = None,
                 snapshots: bool = True) -> CaseRun:
    """Run ``commands`` on a fresh emulator, checking the invariants after each one.

    ``snapshots=False`` skips the per-step state snapshot (the fault cases never read it;
    reports and the baseline do)."""
    emu = make_emulator(cfg)
    session = ExploreSession(emu)
    checker = InvariantChecker(emu)
    shim: FaultShim = shim_of(emu)
    steps: list[StepResult] = []
    reset_step: int | None = None
    open_before: set[tuple[str, str]] = set()
    for i, cmd in enumerate(commands):
        shim.install()
        checker.before_step()
        faults_before = len(emu.faults.log)
        entry = session.execute(cmd)
        shim.install()
        found = checker.after_step(failed=entry.rc != 0, filter_change=is_filter_change(cmd))
        found = [_reblame_after_reset(v, reset_step) for v in found]
        if reset_step is None and any("reset" in s for s in emu.faults.log[faults_before:]):
            reset_step = emu.log.step
        keys = {(v.invariant, v.where) for v in found}
        new = tuple(v for v in found if v.invariant not in STATE_INVARIANTS
                    or (v.invariant, v.where) not in open_before)
        open_before = keys
        step = StepResult(i, cmd, entry, tuple(found), new,
                          snapshot(emu) if snapshots else None)
        steps.append(step)
        if on_step is not None:
            on_step(step)
    return CaseRun(steps, emu, shim.trace)
