"""Explorer cases: where a fault can go, which faults, and the script lines that say so.

A *site* is one driver invocation of the fault-free run, named so that it can be hit
again deterministically: the script line (step) it happens in, the device it is sent to,
and its number among that device's invocations within that line (``nth``). A fault at a
site becomes a ``fault DEV any nth N ...`` line inserted just before the line, so its
numbering does not depend on anything earlier in the script (which lets the minimizer drop
earlier lines without renumbering).

A device reset is not an invocation: it goes *between* two lines, as ``fault all reset
now``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from offload.fault_cmd import Invocation, fault_line_text
from offload.script import Command, parse_line

#: The fault classes injected at every invocation (errno name or ``raise``).
FAULT_CLASSES: tuple[str, ...] = ("EOPNOTSUPP", "EBUSY", "ENOMEM", "EIO", "raise")
#: The class injected between steps.
RESET = "reset"


@attrs.frozen(order=True)
class Site:
    """Invocation ``nth`` (1-based) on ``dev`` within script line ``line`` (0-based)."""

    line: int
    dev: str
    nth: int
    kind: str = attrs.field(default="any", order=False)
    op: str = attrs.field(default="", order=False)


@attrs.frozen(order=True)
class Fault:
    """One fault of a case: a class at a site, or a reset after line ``site.line``."""

    site: Site
    fclass: str

    @property
    def is_reset(self) -> bool:
        return self.fclass == RESET

    def line_text(self) -> str:
        if self.is_reset:
            return fault_line_text(None, "any", action="reset-now")
        if self.fclass == "raise":
            return fault_line_text(self.site.dev, "any", self.site.nth, action="raise")
        return fault_line_text(self.site.dev, "any", self.site.nth, errno=self.fclass)

    def describe(self) -> str:
        if self.is_reset:
            return f"device reset after line {self.site.line + 1}"
        what = "raise" if self.fclass == "raise" else f"-{self.fclass}"
        return (f"{what} on {self.site.dev} invocation {self.site.nth} of line "
                f"{self.site.line + 1} ({self.site.kind}, op {self.site.op or '-'})")


@attrs.frozen(order=True)
class Case:
    """A script plus up to two faults; ``()`` is the fault-free baseline."""

    faults: tuple[Fault, ...] = ()

    @property
    def label(self) -> str:
        return "; ".join(f.describe() for f in self.faults) or "no fault (baseline)"


def sites_of(invocations: Iterable[Invocation], line_of_step: dict[int, int]) -> list[Site]:
    """Number the invocations per (line, device), in the order they happened."""
    counts: dict[tuple[int, str], int] = {}
    out = []
    for inv in invocations:
        line = line_of_step.get(inv.step)
        if line is None:
            continue
        key = (line, inv.dev)
        counts[key] = counts.get(key, 0) + 1
        out.append(Site(line, inv.dev, counts[key], inv.kind, inv.op))
    return out


def single_cases(sites: Sequence[Site], n_lines: int,
                 classes: Sequence[str] = FAULT_CLASSES) -> list[Case]:
    """Every class at every site, and a reset after every line but the last."""
    out = [Case((Fault(s, c),)) for s in sites for c in classes]
    out += [Case((Fault(Site(i, "all", 0), RESET),)) for i in range(n_lines - 1)]
    return out


def pair_cases(first: Fault, later_sites: Sequence[Site], window: int,
               classes: Sequence[str] = FAULT_CLASSES) -> list[Case]:
    """Second faults after ``first``: the next ``window`` invocations of the same line
    (where the rollback, unroll or replay that the first fault causes happens), each
    with every class."""
    after = [s for s in later_sites
             if s.line == first.site.line and _after(s, first.site)][:window]
    return [Case((first, Fault(s, c))) for s in after for c in classes]


def _after(s: Site, first: Site) -> bool:
    return s.dev != first.dev or s.nth > first.nth


def with_faults(commands: Sequence[Command], faults: Sequence[Fault]) -> list[Command]:
    """The script with each fault's line inserted: before its line (invocation faults, the
    later-numbered first so its counter also sees the first fault's request) or after it
    (resets)."""
    before: dict[int, list[Fault]] = {}
    after: dict[int, list[Fault]] = {}
    for f in faults:
        (after if f.is_reset else before).setdefault(f.site.line, []).append(f)
    out: list[Command] = []
    for i, cmd in enumerate(commands):
        for f in sorted(before.get(i, []), key=lambda f: (f.site.dev, -f.site.nth)):
            out.append(_fault_cmd(f))
        out.append(cmd)
        for f in after.get(i, []):
            out.append(_fault_cmd(f))
    return out


def _fault_cmd(f: Fault) -> Command:
    text = f.line_text()
    cmd = _FAULT_CMDS.get(text)
    if cmd is None:
        cmd = parse_line(text, {})
        assert cmd is not None
        if len(_FAULT_CMDS) < 4096:
            _FAULT_CMDS[text] = cmd
    return cmd


#: Parsed fault lines by text (a Command is immutable; the same text parses the same).
_FAULT_CMDS: dict[str, Command] = {}


def is_fault_line(cmd: Command) -> bool:
    return bool(cmd.argv) and cmd.argv[0] == "fault"
