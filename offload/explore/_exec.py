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
import operator
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
    #: stop a fault case once its state is the fault-free run's again and take the rest
    #: of its steps from that run (:class:`Reference`; same results, False runs them)
    early_stop: bool = True


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


@attrs.frozen
class Handover:
    """Where a fault case may stop early: its commands are ``reference``'s with ``offset``
    fault lines inserted, all before position ``first`` (the last script line a fault
    goes into, or the line after a reset); from there on, command ``i`` of the case is
    command ``i - offset`` of the script."""

    reference: Reference
    offset: int
    first: int


def run_commands(commands: Sequence[Command], cfg: ExploreConfig,
                 on_step: Callable[[StepResult], None] | None = None,
                 snapshots: bool = True, start: Checkpoint | None = None,
                 handover: Handover | None = None) -> CaseRun:
    """Run ``commands`` on a fresh emulator, checking the invariants after each one.

    ``snapshots=False`` skips the per-step state snapshot (the fault cases never read it;
    reports and the baseline do). ``start``: resume from a checkpoint taken after the
    first ``start.length`` of these very commands (their steps are the checkpoint's).

    ``handover`` (fault cases, without snapshots or ``on_step``): the case stops early
    once its state (:func:`state_key`) is one whose future is known, and takes the rest
    of its steps from there: after ``first``, the state of another case of the same
    shape after the same step (:meth:`Reference.known_rest`: the five fault classes at
    one site often leave the same state), or at any later step the fault-free run's
    after the same script line (:meth:`Reference.rest`). The returned emulator and trace
    are then those of the step where the case stopped."""
    if start is not None:
        run = start.restore()
        steps = list(start.steps)
    else:
        run = _Run(cfg)
        steps = []
    n = len(commands)
    tries = 0
    shape: tuple[Any, ...] | None = None  # what this case's rest is known by
    for i in range(len(steps), n):
        step = run.step(i, commands[i], snapshots)
        steps.append(step)
        if on_step is not None:
            on_step(step)
        if handover is None or i < handover.first or n - i <= _MIN_REST:
            continue
        ref, j = handover.reference, i - handover.offset
        if ref.commands[j] != commands[i]:  # not the shape Handover says: run every step
            handover = None  # (never for the explorer's own cases)
            continue
        if i == handover.first:
            key = state_key(run)
            if key is None:
                continue
            if ref.same_key(j, run, key):
                steps += ref.rest(j, handover.offset, commands, run.reset_step)
                break
            shape = (i, handover.offset, run.reset_step, frozenset(run.open_before), key)
            known = ref.known_rest(shape)
            if known is not None:
                steps += known
                shape = None
                break
        elif tries < _MAX_TRIES and ref.same_quick(j, run):
            tries += 1  # a quick match the full key refutes costs a key; a few are allowed
            if ref.same_state(j, run):
                steps += ref.rest(j, handover.offset, commands, run.reset_step)
                break
    if shape is not None and handover is not None:
        handover.reference.learn(shape, steps[shape[0] + 1:])
    return CaseRun(steps, run.emu, run.shim.trace)


#: Stop early only when at least this many steps would be left (a state key costs about
#: a step); at most this many full state keys per case after its first.
_MIN_REST = 2
_MAX_TRIES = 4


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
    r = random.Random.__new__(random.Random)  # not seeded from the OS: setstate sets it all
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
        self._reference: Reference | None = None

    def reference(self) -> Reference:
        """The fault-free run with its states, for early stops (built on first use)."""
        if self._reference is None:
            self._reference = Reference(self.commands, self.cfg)
        return self._reference

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


# -- early stop: the fault-free run's rest ------------------------------------------------


class Reference:
    """The fault-free run of a script, step by step, with the state after each step, so
    that a fault case whose state becomes the same again can take the rest of its steps
    from here; and the rests of cases already run, by the state they started from
    (:func:`run_commands` ``handover=``).

    Why that is exact: a step's results (its rc, the violations the checker finds) are a
    function of the state before it and the command (the emulator is deterministic; what
    differs between processes, such as addresses and string hashes, is kept out of
    results, or ``--jobs N`` would not match ``--jobs 1``). The state compared is
    :func:`state_key` (everything the next steps read, see there) plus what the step loop
    carries (the checker's open violations, the step of an injected reset). The case's
    step numbers are the fault-free run's plus the fault lines inserted, so taken-over
    violations get their ``step`` shifted by that, and an earlier injected reset
    re-blames them as the case itself would (:func:`_reblame_after_reset`). A known rest
    is reused only by a case with the same step position and number of fault lines
    (then its commands from there on, and its step numbers, are the same).
    Process-local, like :class:`Checkpoint`: which case ran first never shows.
    """

    #: rests of cases kept (the cases of one site come one after the other)
    KNOWN = 256

    def __init__(self, commands: Sequence[Command], cfg: ExploreConfig) -> None:
        self.commands = tuple(commands)
        run = _Run(cfg)
        self.steps: list[StepResult] = []
        self._quick: list[tuple[Any, ...]] = []
        self._keys: list[bytes | None] = []
        self._open: list[frozenset[tuple[str, str]]] = []
        last = len(self.commands) - _MIN_REST  # no case stops at this line or later
        for i, cmd in enumerate(self.commands):
            self.steps.append(run.step(i, cmd, False))
            self._quick.append(quick_key(run.emu))
            self._keys.append(state_key(run) if i < last else None)
            self._open.append(frozenset(run.open_before))
        self._shifted: dict[tuple[int, int], tuple[StepResult, ...]] = {}
        self._known: dict[tuple[Any, ...], tuple[StepResult, ...]] = {}

    def known_rest(self, shape: tuple[Any, ...]) -> list[StepResult] | None:
        """The steps another case ran after reaching ``shape`` (position, fault lines,
        reset step, open violations, state key), or None."""
        got = self._known.get(shape)
        return None if got is None else list(got)

    def learn(self, shape: tuple[Any, ...], rest: Sequence[StepResult]) -> None:
        """Keep the steps a case ran after reaching ``shape``."""
        if len(self._known) >= self.KNOWN:
            self._known.pop(next(iter(self._known)))
        self._known[shape] = tuple(rest)

    def same_key(self, j: int, run: _Run, key: bytes) -> bool:
        """:meth:`same_state` with the run's state key already made."""
        return self._keys[j] == key and run.open_before == self._open[j]

    def same_quick(self, j: int, run: _Run) -> bool:
        """A cheap necessary test of :meth:`same_state` (counts, flags, holdings)."""
        return self._quick[j] == quick_key(run.emu) and run.open_before == self._open[j]

    def same_state(self, j: int, run: _Run) -> bool:
        """Whether ``run``'s state is this run's after script line ``j``."""
        key = self._keys[j]
        return key is not None and run.open_before == self._open[j] and \
            state_key(run) == key

    def rest(self, j: int, offset: int, commands: Sequence[Command],
             reset_step: int | None) -> list[StepResult]:
        """The steps after script line ``j`` as a case with ``offset`` inserted fault
        lines sees them (index, command, violation step numbers shifted)."""
        got = self._shifted.get((j, offset))
        if got is None:
            got = self._shifted[(j, offset)] = tuple(
                StepResult(s.index + offset, commands[s.index + offset], s.entry,
                           _shift(s.violations, offset), _shift(s.new, offset), None)
                for s in self.steps[j + 1:])
        if reset_step is None:
            return list(got)
        return [attrs.evolve(s, violations=tuple(_reblame_after_reset(v, reset_step)
                                                 for v in s.violations),
                             new=tuple(_reblame_after_reset(v, reset_step) for v in s.new))
                for s in got]


def _shift(vs: tuple[Violation, ...], offset: int) -> tuple[Violation, ...]:
    return tuple(attrs.evolve(v, step=v.step + offset) for v in vs)


def quick_key(emu: Emulator) -> tuple[Any, ...]:
    """A few cheap facts of the state (devices, qdiscs, filters with their flags and
    counts, what each port holds, card resets): equal whenever :func:`state_key` is, and
    different for most states that differ, so the full key is rarely computed in vain."""
    parts: list[Any] = []
    ap = parts.append
    for net in emu.nets():
        for name, dev in net.devices.items():
            ap(name)
            ap(dev.ingress_qdisc is None)
    for block in emu.blocks():
        ap(block.offloadcnt)
        ap(len(block.cb_list))
        for tp in block.iter_tps():
            ap(tp.prio)
            if tp.kind == "bpf":
                for f in tp.ops.walk():
                    ap(f.handle)
                    ap(f.gen_flags)
                    ap(f.in_hw_count)
    for drv in emu.nsim.devices.values():
        ap(getattr(getattr(drv, "hw", None), "resets", None))
        for p in getattr(drv, "ports", ()):
            ap(len(p.hw.slots))
    return tuple(parts)


def state_key(run: _Run) -> bytes | None:
    """The state of a run as bytes: equal keys, equal futures. A pickle of the emulator
    and the session (without copying anything), leaving out only what no later step
    reads:

    - history: the event log's events, steps and findings and its counters (the checker
      and the runner read only the current step's part), the fault plan's log (likewise),
      the shim's invocation trace (the explorer reads it for the fault's own line, which
      has run), the session's findings, the boundary's failed-holdings list (read from a
      count taken before each step);
    - fault rules that can no longer fire (an ``nth`` already passed);
    - the invariant checker (everything it keeps is taken afresh before each step) and
      the shim's set of wrapped drivers (object ids, rebuilt from the drivers);
    - clock readings that only ``bpftool`` shows (``boot_ns``, ``loaded_at``), a random
      generator never drawn from (no random fault rate), and what programs derive from
      their instructions (compiled code, generated source, run environment).

    Objects are compared by value and by how they share each other (the pickle memo), so
    a difference in sharing counts as a difference (never a false match). Weak sets and
    dictionaries, whose order is by address, are ordered by name/index. None when the
    state does not pickle (no early stop then)."""
    buf = io.BytesIO()
    try:
        p = pickle.Pickler(buf, protocol=pickle.HIGHEST_PROTOCOL)
        p.dispatch_table = _key_table()
        p.dump((run.emu, run.session))
    except (pickle.PicklingError, TypeError, AttributeError):
        buf = io.BytesIO()
        try:
            _KeyPickler(buf).dump((run.emu, run.session))
        except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
            return None
    return buf.getvalue()


class _KeyPickler(pickle.Pickler):
    """:func:`state_key` for states holding functions that do not pickle by name
    (closures): every function stands for itself (its identity)."""

    def __init__(self, f: io.BytesIO) -> None:
        super().__init__(f, protocol=pickle.HIGHEST_PROTOCOL)
        self.dispatch_table = _key_table()
        self.keep: list[Any] = []  # ids stay unique while the key is made

    def persistent_id(self, obj: Any) -> Any:
        if isinstance(obj, types.FunctionType | types.BuiltinFunctionType):
            self.keep.append(obj)
            return ("function", id(obj))
        return None


def _marker(*_: Any) -> None:
    """What :func:`state_key`'s reductions name (the key is never unpickled)."""


def _fields(obj: Any, drop: frozenset[str] = frozenset()) -> dict[str, Any]:
    """An attrs instance's fields, but ``drop``."""
    return {a.name: getattr(obj, a.name) for a in attrs.fields(type(obj)) if a.name not in drop}


def _by_name(obj: Any) -> tuple[Any, ...]:
    return (type(obj).__qualname__, getattr(obj, "ifindex", None), getattr(obj, "name", None),
            getattr(obj, "index", None))


class _KeyTable(dict[type, Callable[[Any], Any]]):
    """The reductions of :func:`state_key` by type. An attrs class with slots only (no
    ``__dict__`` anywhere in its bases) gets one on first sight that takes all its fields
    at C speed (``operator.attrgetter``) instead of attrs' ``__getstate__``; other types
    fall back to their own reduction (``KeyError``)."""

    def __missing__(self, cls: type) -> Callable[[Any], Any]:
        if not (attrs.has(cls) and all("__slots__" in vars(k) for k in cls.__mro__[:-1])):
            raise KeyError(cls)
        names = [f.name for f in attrs.fields(cls)]
        if not names:
            raise KeyError(cls)
        get = operator.attrgetter(*names)
        if len(names) == 1:
            def reduce(o: Any) -> Any:
                return _marker, (cls,), (get(o),)
        else:
            def reduce(o: Any) -> Any:
                return _marker, (cls,), get(o)
        self[cls] = reduce
        return reduce


_KEY_TABLE = _KeyTable()


def _key_table() -> dict[type, Callable[[Any], Any]]:
    """The reductions of :func:`state_key` (built on first use: they import the types)."""
    if _KEY_TABLE:
        return _KEY_TABLE
    import copyreg

    from core.boundary import Boundary
    from core.events import EventLog
    from hwsim.bpf.program import BpfProgram, ClassicProgram, ProgramTable
    from hwsim.faults import FaultPlan

    def session(o: Session) -> Any:
        d = dict(o.__dict__)
        d.pop("findings", None)
        return _marker, ("session", d)

    prog_runtime = frozenset({"_fn", "env", "source", "loaded_at"})
    table: dict[type, Callable[[Any], Any]] = dict(copyreg.dispatch_table)
    table.update({
        EventLog: lambda o: (_marker, ("log", o._ops, o.depth, o.probe, o.cap,
                                       o.pending_injection)),
        FaultPlan: lambda o: (_marker, (
            "faults", [r for r in o.rules if r.nth is None or r.seen < r.nth], o.seed,
            o.random_rate, o.random_errnos, o._rng.getstate() if o.random_rate else None)),
        Trace: lambda o: (_marker, ("trace",)),
        InvariantChecker: lambda o: (_marker, ("checker",)),
        FaultShim: lambda o: (_marker, ("shim", o.emu)),
        Session: session,
        ExploreSession: session,
        Boundary: lambda o: (_marker, ("boundary", _fields(o, frozenset({"holdings_errors"})))),
        ProgramTable: lambda o: (_marker, ("programs", _fields(o, frozenset({"boot_ns"})))),
        BpfProgram: lambda o: (_marker, ("bpf", _fields(o, prog_runtime))),
        ClassicProgram: lambda o: (_marker, ("cbpf", _fields(o, frozenset({"_fn"})))),
        weakref.WeakSet: lambda o: (_marker, ("weakset", sorted(o, key=_by_name))),
        weakref.WeakKeyDictionary: lambda o: (_marker, (
            "weakdict", sorted(o.items(), key=lambda kv: _by_name(kv[0])))),
        random.Random: lambda o: (_marker, ("random", o.getstate())),
    })
    _KEY_TABLE.update(table)
    return _KEY_TABLE


def common_prefix(a: Sequence[Command], b: Sequence[Command]) -> int:
    """How many leading commands ``a`` and ``b`` share."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x is not y and x != y:  # a case's script shares the script's commands
            break
        n += 1
    return n
