"""The event record: every request each callback received and what it answered, in order.

Reports, invariant checks and the explorer read this record instead of re-deriving what
happened. Each bus event carries the *operation* that caused it (add, replace, delete, bind,
unbind, rollback, stats, replay, unroll, flush), taken from a stack the core pushes as it
works, and the *step* (the user command) it belongs to.
"""

from __future__ import annotations

from typing import Any

import attrs


def prog_label(prog: Any) -> str | None:
    """A short name for a program in events: ``id 4 tc_pass`` or ``cbpf 2 insns``."""
    if prog is None:
        return None
    if getattr(prog, "is_classic", False):
        return f"cbpf#{id(prog) & 0xFFFF:04x}({prog.insn_cnt} insns)"
    name = getattr(prog, "name", "") or ""
    return f"id {prog.id} {name}".rstrip()


@attrs.frozen
class BusEvent:
    """One callback invocation on the bus (or one ``ndo_setup_tc`` block request)."""

    seq: int
    step: int
    op: str
    owner: str
    setup_type: str
    command: str
    prog: str | None
    oldprog: str | None
    chain: int | None
    prio: int | None
    protocol: int | None
    ret: int
    extack: str | None
    raised: str | None
    depth: int
    prog_obj: Any = attrs.field(default=None, eq=False, repr=False)
    oldprog_obj: Any = attrs.field(default=None, eq=False, repr=False)
    #: What the hardware behind the callback held before/after (only with a probe set).
    held_before: tuple[Any, ...] | None = attrs.field(default=None, eq=False, repr=False)
    held_after: tuple[Any, ...] | None = attrs.field(default=None, eq=False, repr=False)
    #: Set when the answer was not the driver's but an injected fault's (what was injected).
    injected: str | None = None


@attrs.frozen
class Finding:
    """Something the model detected about the semantics themselves (not a driver bug).

    ``kind`` is a stable identifier, e.g. ``unbounded-rollback-recursion``.
    """

    kind: str
    message: str
    step: int
    profile: str


@attrs.frozen
class StepMark:
    """A user-level command boundary (``tc filter add ...``)."""

    step: int
    text: str


class _Op:
    """The context manager of :meth:`EventLog.op` (a plain class: this is on every request's
    path, and a generator-based context manager costs several times more)."""

    __slots__ = ("name", "ops")

    def __init__(self, ops: list[str], name: str) -> None:
        self.ops = ops
        self.name = name

    def __enter__(self) -> None:
        self.ops.append(self.name)

    def __exit__(self, *exc: object) -> None:
        self.ops.pop()


@attrs.define
class EventLog:
    """Ordered record of bus events, steps and findings for one emulator instance.

    ``cap`` bounds the record for long-lived sessions (the shell, ``offload exec``): when
    more than ``2 * cap`` events (or steps) are held, the oldest are dropped down to the
    last ``cap``, so between ``cap`` and ``2 * cap`` of the most recent are kept and the
    cost stays amortised O(1) per event. ``None`` (the default: ``offload run``, the
    explorer, reports) keeps everything. Sequence and step numbers keep counting across
    drops; :attr:`dropped_events` / :attr:`dropped_steps` say how many went.
    """

    events: list[BusEvent] = attrs.field(factory=list)
    steps: list[StepMark] = attrs.field(factory=list)
    findings: list[Finding] = attrs.field(factory=list)
    _ops: list[str] = attrs.field(factory=list)
    _seq: int = 0
    depth: int = 0
    #: Optional ``probe(block_cb) -> tuple of programs held``: when set, every bus event
    #: records the hardware's holdings around the call (driver-contract checking).
    probe: Any = None
    cap: int | None = None
    dropped_events: int = 0
    dropped_steps: int = 0
    #: Set by a fault injector while a callback runs: the answer is the fault's, not the
    #: driver's (moved into the event's ``injected`` field when the event is recorded).
    pending_injection: str | None = None

    @property
    def step(self) -> int:
        return self.dropped_steps + len(self.steps)

    @property
    def recorded(self) -> int:
        """How many events were ever recorded (held or dropped)."""
        return self.dropped_events + len(self.events)

    @property
    def current_op(self) -> str:
        return self._ops[-1] if self._ops else "call"

    def begin_step(self, text: str) -> int:
        self.pending_injection = None
        self.steps.append(StepMark(self.step + 1, text))
        cap = self.cap
        if cap is not None and len(self.steps) > 2 * cap:
            drop = len(self.steps) - cap
            del self.steps[:drop]
            self.dropped_steps += drop
        return self.step

    def op(self, name: str) -> _Op:
        """``with log.op(name):`` attributes the bus events inside to operation ``name``."""
        return _Op(self._ops, name)

    def record(self, **kw: Any) -> BusEvent:
        self._seq += 1
        kw.setdefault("op", self.current_op)
        kw.setdefault("depth", self.depth)
        if self.pending_injection is not None:
            kw.setdefault("injected", self.pending_injection)
            self.pending_injection = None
        ev = BusEvent(seq=self._seq, step=self.step, **kw)
        events = self.events
        events.append(ev)
        cap = self.cap
        if cap is not None and len(events) > 2 * cap:
            drop = len(events) - cap
            del events[:drop]
            self.dropped_events += drop
        return ev

    def events_since(self, recorded: int) -> list[BusEvent]:
        """The events recorded after the first ``recorded`` ones (see :attr:`recorded`),
        as far as they are still held."""
        return self.events[max(0, recorded - self.dropped_events):]

    def add_finding(self, kind: str, message: str, profile: str) -> Finding:
        f = Finding(kind, message, self.step, profile)
        self.findings.append(f)
        return f

    def events_of_step(self, step: int) -> list[BusEvent]:
        return [e for e in self.events if e.step == step]
