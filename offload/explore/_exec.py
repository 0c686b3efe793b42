"""Running one explorer case: a script (with fault lines) on a fresh emulator, checked
after every step.

The commands go through the runner's :class:`offload.runner.Session` (so a case behaves
exactly as ``offload run`` would run the same lines), extended by the ``fault`` command of
:mod:`offload.fault_cmd`. Around every command the :class:`offload.invariants.
InvariantChecker` takes its before/after snapshots, and the bus-level fault shim is
(re)installed on drivers of devices that appeared.
"""

from __future__ import annotations

import io
import pickle
import random
import types
import weakref
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from offload.emulator import Emulator
from offload.fault_cmd import FaultShim, Trace, fault_main, shim_of
from offload.invariants import InvariantChecker, Violation
from offload.plugins import DriverSpec, load_factory
from offload.report import Snapshot, snapshot
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
    #: a driver plugin: offload.plugins.DriverSpec, or its name (entry point or
    #: "module:attr"); None = the simulated NIC
    driver: DriverSpec | str | None = None
    #: the driver watchdog (core.boundary): seconds, None = no limit, or "default"
    driver_timeout: float | str | None = "default"
    #: resume fault cases from checkpoints of their fault-free prefix (same results as
    #: replaying it; False replays, as the equivalence tests do)
    checkpoints: bool = True


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


#: Kept for callers of the old name: :func:`offload.plugins.load_factory`.
load_plugin_factory: Callable[..., Any] = load_factory


def make_emulator(cfg: ExploreConfig) -> Emulator:
    """A fresh emulator for ``cfg``. With a driver plugin, every port the netdevsim bus
    creates is driven by the plugin (one driver instance per card, see
    :meth:`offload.emulator.Emulator.add_nic`); the netdevsim files stay, but only the
    plugin answers the offload requests."""
    return Emulator(cfg.profile, cfg.nic, driver=cfg.driver, driver_timeout=cfg.driver_timeout)


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


class _Run:
    """One case in progress: the emulator, its session, the invariant checker, the fault
    shim and what the step loop carries from one command to the next."""

    def __init__(self, cfg: ExploreConfig) -> None:
        self.emu = make_emulator(cfg)
        self.session = ExploreSession(self.emu)
        self.checker = InvariantChecker(self.emu)
        self.shim: FaultShim = shim_of(self.emu)
        self.reset_step: int | None = None
        self.open_before: set[tuple[str, str]] = set()

    def step(self, i: int, cmd: Command, snapshots: bool) -> StepResult:
        emu, shim, checker = self.emu, self.shim, self.checker
        shim.install()
        checker.before_step()
        faults_before = len(emu.faults.log)
        entry = self.session.execute(cmd)
        shim.install()
        found = checker.after_step(failed=entry.rc != 0, filter_change=is_filter_change(cmd))
        found = [_reblame_after_reset(v, self.reset_step) for v in found]
        if self.reset_step is None and any("reset" in s for s in emu.faults.log[faults_before:]):
            self.reset_step = emu.log.step
        keys = {(v.invariant, v.where) for v in found}
        new = tuple(v for v in found if v.invariant not in STATE_INVARIANTS
                    or (v.invariant, v.where) not in self.open_before)
        self.open_before = keys
        return StepResult(i, cmd, entry, tuple(found), new,
                          snapshot(emu) if snapshots else None)


def run_commands(commands: Sequence[Command], cfg: ExploreConfig,
                 on_step: Callable[[StepResult], None] | None = None,
                 snapshots: bool = True, start: Checkpoint | None = None) -> CaseRun:
    """Run ``commands`` on a fresh emulator, checking the invariants after each one.

    ``snapshots=False`` skips the per-step state snapshot (the fault cases never read it;
    reports and the baseline do). ``start``: resume from a checkpoint taken after the
    first ``start.length`` of these very commands (their steps are the checkpoint's)."""
    if start is not None:
        run = start.restore()
        steps = list(start.steps)
    else:
        run = _Run(cfg)
        steps = []
    for i in range(len(steps), len(commands)):
        step = run.step(i, commands[i], snapshots)
        steps.append(step)
        if on_step is not None:
            on_step(step)
    return CaseRun(steps, run.emu, run.shim.trace)


# -- checkpoints ---------------------------------------------------------------------------


class Checkpoint:
    """A case's state after a fault-free prefix of ``length`` commands, to resume from
    instead of replaying the prefix (:func:`run_commands` ``start=``).

    The state (emulator, session, checker, shim) is pickled once; each :meth:`restore`
    unpickles a private copy (about 0.25 ms for the 30-step benchmark script, against
    ~2 ms to replay half of it). What cannot or need not be copied is shared by reference
    with the original: functions, the loaded programs (their code and maps: a script
    that runs the datapath, whose programs change their maps, is never checkpointed, see
    :func:`checkpointable`), and the immutable records of the event log and the fault
    trace. Weak containers are rebuilt from their contents, random generators from their
    state. Process-local: a checkpoint is never sent to another process (each worker
    builds its own, see :class:`Prefixes`).
    """

    def __init__(self, run: _Run, steps: Sequence[StepResult]) -> None:
        self.length = len(steps)
        self.steps = tuple(steps)
        self._shared: dict[int, Any] = {}
        buf = io.BytesIO()
        _Pickler(buf, self._shared, run.emu).dump(run)
        self._data = buf.getvalue()

    def restore(self) -> _Run:
        run = _Unpickler(io.BytesIO(self._data), self._shared).load()
        run.shim.rebind()
        return run


def checkpointable(commands: Sequence[Command], cfg: ExploreConfig) -> bool:
    """Whether cases of ``commands`` may resume from checkpoints: the built-in simulated
    drivers only (a plugin's state may not copy), and no datapath (``send``: programs,
    shared by checkpoints, would change their maps)."""
    if cfg.driver not in (None, "simnic"):
        return False
    return not any(c.argv and c.argv[0] == "send" for c in commands)


_SHARED_TYPES: tuple[type, ...] = ()


def _shared_types() -> tuple[type, ...]:
    global _SHARED_TYPES
    if not _SHARED_TYPES:
        from core.events import BusEvent, Finding, StepMark
        from hwsim.bpf import BpfProgram, ClassicProgram
        from offload.fault_cmd import Invocation

        _SHARED_TYPES = (BusEvent, StepMark, Finding, Invocation, BpfProgram, ClassicProgram)
    return _SHARED_TYPES


_PLAIN = frozenset({str, int, bool, float, type(None), tuple, list, dict, set, frozenset,
                    bytes, bytearray})


def _random(state: Any) -> random.Random:
    r = random.Random()
    r.setstate(state)
    return r


class _Pickler(pickle.Pickler):
    def __init__(self, f: io.BytesIO, shared: dict[int, Any], emu: Emulator) -> None:
        super().__init__(f, protocol=pickle.HIGHEST_PROTOCOL)
        self.shared = shared
        self.types = {types.FunctionType, types.BuiltinFunctionType, *_shared_types()}
        self.maps = {id(m) for m in emu.table.map_fds.values()}

    def reducer_override(self, obj: Any) -> Any:
        if isinstance(obj, weakref.WeakSet):
            return weakref.WeakSet, (list(obj),)
        if isinstance(obj, weakref.WeakKeyDictionary):
            return weakref.WeakKeyDictionary, (list(obj.items()),)
        if isinstance(obj, random.Random):
            return _random, (obj.getstate(),)
        return NotImplemented

    def persistent_id(self, obj: Any) -> Any:
        t = type(obj)
        if t in _PLAIN:  # most objects: answered at once
            return None
        if t in self.types or id(obj) in self.maps:
            self.shared[id(obj)] = obj
            return id(obj)
        return None


class _Unpickler(pickle.Unpickler):
    def __init__(self, f: io.BytesIO, shared: dict[int, Any]) -> None:
        super().__init__(f)
        self.shared = shared

    def persistent_load(self, pid: Any) -> Any:
        return self.shared[pid]


class Prefixes:
    """Checkpoints after every fault-free prefix of one script, built on demand by one
    progressive run (cases come in the order of their fault's line, so one pass serves
    them all; an earlier prefix asked for later starts a new pass)."""

    def __init__(self, commands: Sequence[Command], cfg: ExploreConfig) -> None:
        self.commands = tuple(commands)
        self.cfg = cfg
        self._run: _Run | None = None
        self._steps: list[StepResult] = []
        self._at: dict[int, Checkpoint] = {}

    def at(self, length: int) -> Checkpoint | None:
        """The checkpoint after ``length`` commands (None when it cannot be taken)."""
        got = self._at.get(length)
        if got is not None:
            return got
        if self._run is None or len(self._steps) > length:
            self._run, self._steps = _Run(self.cfg), []
        while len(self._steps) < length:
            i = len(self._steps)
            self._steps.append(self._run.step(i, self.commands[i], False))
        try:
            got = Checkpoint(self._run, self._steps)
        except (pickle.PicklingError, TypeError, AttributeError):
            return None
        if len(self._at) >= 64:  # bound the memory: the oldest (lowest) go first
            self._at.pop(next(iter(self._at)))
        self._at[length] = got
        return got


def common_prefix(a: Sequence[Command], b: Sequence[Command]) -> int:
    """How many leading commands ``a`` and ``b`` share."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n
