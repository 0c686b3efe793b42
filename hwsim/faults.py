"""Fault injection for the simulated NIC: deterministic, seedable, and described as data.

A :class:`FaultRule` says *when* (which requests: command, add/replace/remove/stats,
bind/unbind, program name, port, only during rollback or replay, the Nth match) and *what*
(an errno with an extack, a raised exception, a delay, a hardware reset). The driver asks
:meth:`FaultPlan.check` before it handles each request; the answer is the first rule that
fires. Rules are counted per plan, so a run with the same plan and seed is the same run.
"""

from __future__ import annotations

import random
import time
from typing import Any

import attrs

from core.errors import EBUSY, EIO, ENOMEM, ENOSPC, EOPNOTSUPP, errno_name

#: Request kinds a rule can match (``kind``); ``any`` matches all.
KINDS = ("add", "replace", "remove", "stats", "bind", "unbind", "any")
#: What a rule does (``action``).
ACTIONS = ("errno", "raise", "delay", "reset")
#: The errno classes the explorer sweeps.
ERRNO_CLASSES = {"EOPNOTSUPP": EOPNOTSUPP, "EBUSY": EBUSY, "ENOMEM": ENOMEM, "EIO": EIO,
                 "ENOSPC": ENOSPC}


class InjectedFault(RuntimeError):
    """Raised inside a driver callback by an ``action="raise"`` rule."""


@attrs.frozen
class RequestInfo:
    """What a driver tells the plan about the request it is about to handle."""

    kind: str
    port: str
    prog_name: str | None = None
    op: str = ""  # the core's current operation (add, rollback, replay-add, ...)


@attrs.define
class FaultRule:
    """One fault. ``nth`` = fire on the Nth matching request only (1-based); ``times`` =
    how often it may fire in all (``None``: no limit); ``during`` restricts it to the
    core's rollback or replay operations."""

    kind: str = "any"
    action: str = "errno"
    errno: int = EOPNOTSUPP
    extack: str | None = None
    port: str | None = None
    prog_name: str | None = None
    during: str | None = None  # "rollback", "replay" or None
    nth: int | None = None
    times: int | None = None
    delay_ms: int = 0
    seen: int = 0
    fired: int = 0

    def __attrs_post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown request kind {self.kind!r} (one of {', '.join(KINDS)})")
        if self.action not in ACTIONS:
            raise ValueError(f"unknown fault action {self.action!r} (one of {', '.join(ACTIONS)})")
        if self.during not in (None, "rollback", "replay"):
            raise ValueError("during must be 'rollback' or 'replay'")
        if self.errno <= 0:
            raise ValueError("errno must be a positive errno number")

    def matches(self, req: RequestInfo) -> bool:
        if self.kind != "any" and self.kind != req.kind:
            return False
        if self.port is not None and self.port != req.port:
            return False
        if self.prog_name is not None and self.prog_name != req.prog_name:
            return False
        if self.during == "rollback" and req.op != "rollback":
            return False
        return not (self.during == "replay" and not req.op.startswith("replay"))

    def describe(self) -> str:
        what = {
            "errno": f"-{errno_name(self.errno)}",
            "raise": "raise",
            "delay": f"delay {self.delay_ms}ms",
            "reset": "reset",
        }[self.action]
        where = [self.kind]
        if self.port:
            where.append(f"port {self.port}")
        if self.prog_name:
            where.append(f"prog {self.prog_name}")
        if self.during:
            where.append(f"during {self.during}")
        if self.nth:
            where.append(f"nth {self.nth}")
        return f"{what} on {' '.join(where)}"


@attrs.define
class FaultPlan:
    """An ordered list of rules plus a seeded random mode."""

    rules: list[FaultRule] = attrs.field(factory=list)
    seed: int | None = None
    random_rate: float = 0.0
    random_errnos: tuple[int, ...] = (EOPNOTSUPP, EBUSY, ENOMEM, EIO)
    log: list[str] = attrs.field(factory=list)
    _rng: random.Random = attrs.field(factory=random.Random)

    def __attrs_post_init__(self) -> None:
        if self.seed is not None:
            self._rng.seed(self.seed)

    def add(self, rule: FaultRule) -> FaultRule:
        self.rules.append(rule)
        return rule

    def clear(self) -> None:
        self.rules.clear()

    def enable_random(self, rate: float, seed: int) -> None:
        """Fail each request with probability ``rate``, reproducibly for ``seed``."""
        self.random_rate = rate
        self.seed = seed
        self._rng.seed(seed)

    def check(self, req: RequestInfo, hardware: Any = None) -> tuple[int, str | None] | None:
        """The fault to apply to this request, as ``(-errno, extack)``; ``None`` if none.

        ``raise`` rules raise :class:`InjectedFault`; ``delay`` rules sleep and let the
        request through; ``reset`` rules reset ``hardware`` and let the request through.
        """
        for rule in self.rules:
            if not rule.matches(req):
                continue
            rule.seen += 1
            if rule.nth is not None and rule.seen != rule.nth:
                continue
            if rule.times is not None and rule.fired >= rule.times:
                continue
            rule.fired += 1
            self.log.append(f"{req.port}: {rule.describe()} ({req.kind}, op {req.op or '-'})")
            if rule.action == "raise":
                raise InjectedFault(f"injected fault on {req.port} ({req.kind})")
            if rule.action == "delay":
                time.sleep(rule.delay_ms / 1000)
                continue
            if rule.action == "reset":
                if hardware is not None:
                    hardware.reset()
                continue
            return -rule.errno, rule.extack
        if self.random_rate and self._rng.random() < self.random_rate:
            err = self._rng.choice(self.random_errnos)
            self.log.append(f"{req.port}: random -{errno_name(err)} ({req.kind}, seed {self.seed})")
            return -err, "injected fault (random mode)"
        return None
