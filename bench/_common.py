"""What every benchmark shares: sizes, repeated timing with medians, result tables, targets.

A benchmark is a function ``run(cfg) -> Section``. A :class:`Section` holds tables of numbers
(rendered with rich, or as JSON for ``--json``), the targets it is judged against and notes
(what was skipped and why). Ratios are always computed from measurements taken side by side
in the same run: the repeats of the two sides are interleaved, and each side's median is used,
so a load that comes and goes on the machine (other engineers' tests) hits both.
"""

from __future__ import annotations

import os
import platform
import statistics
import time
from collections.abc import Callable, Sequence
from typing import Any

import attrs


@attrs.frozen
class Config:
    """How big the runs are. ``quick`` is a few seconds per benchmark; ``smoke`` is CI-sized
    (tiny, only checks that numbers come out)."""

    repeats: int = 5
    pairs: int = 2000          # add+delete pairs per timed control-plane run
    kernel_pairs: int = 2000   # same, for tc -batch on the host kernel
    vm_pairs: int = 300        # same, inside the TCG VM (slow)
    obj_pairs: int = 200       # pairs that also load the ELF object each time
    sizes: tuple[int, ...] = (0, 1000, 10000)
    ports: tuple[int, ...] = (1, 4, 16, 64)
    scale_ops: int = 300       # timed pairs at each block size / port count
    explore_seconds: float = 10.0
    packets: int = 100_000     # datapath runs per program
    mem_filters: int = 10_000
    mem_packets: int = 100_000
    scenarios: int = 12        # conformance scripts timed in the VM (0: all 35)
    vm_repeats: int = 3        # rounds of the VM side of the control plane
    vm_boots: int = 2          # boots timed (the first is shared with the control plane)
    obj_script_adds: int = 200  # adds (and as many deletes) of the obj script (user)
    prio_sizes: tuple[int, ...] = (10_000, 50_000)  # filters at distinct prios (user)
    session_cmds: int = 100_000  # read-only commands in one long session (user)
    corpus_scripts: int = 0  # conformance scripts explored with pairs (0: all) (user)
    fresh_vm: bool = False
    vm: bool = True
    kernel: bool = True

    @classmethod
    def full(cls) -> Config:
        return cls()

    @classmethod
    def quick(cls) -> Config:
        return cls(repeats=3, pairs=1000, kernel_pairs=1000, vm_pairs=150, obj_pairs=50,
                   sizes=(0, 1000, 10000), ports=(1, 4, 16, 64), scale_ops=150,
                   explore_seconds=4.0, packets=20_000, mem_filters=10_000,
                   mem_packets=100_000, scenarios=6, vm_repeats=2, vm_boots=1,
                   prio_sizes=(10_000, 50_000), session_cmds=100_000)

    @classmethod
    def smoke(cls) -> Config:
        return cls(repeats=1, pairs=20, kernel_pairs=20, vm_pairs=5, obj_pairs=3,
                   sizes=(0, 50), ports=(1, 4), scale_ops=10, explore_seconds=1.0,
                   packets=200, mem_filters=50, mem_packets=200, scenarios=2, vm_repeats=1,
                   vm_boots=1, prio_sizes=(50, 100), session_cmds=200,
                   obj_script_adds=3, corpus_scripts=2)


@attrs.define
class Table:
    title: str
    columns: list[str]
    rows: list[list[Any]] = attrs.field(factory=list)

    def add(self, *row: Any) -> None:
        self.rows.append(list(row))

    def as_json(self) -> dict[str, Any]:
        return {"title": self.title, "columns": self.columns, "rows": self.rows}


@attrs.frozen
class Target:
    """A goal and where we stand: ``value`` compared with ``goal`` (``higher`` is better, or
    lower). ``value`` None means it could not be measured here."""

    name: str
    value: float | None
    goal: float
    unit: str
    higher: bool = True

    @property
    def met(self) -> bool | None:
        if self.value is None:
            return None
        return self.value >= self.goal if self.higher else self.value <= self.goal

    def standing(self) -> str:
        if self.value is None:
            return "not measured"
        word = "met" if self.met else "MISSED"
        if not self.higher and self.value <= 0:
            return word
        factor = self.value / self.goal if self.higher else self.goal / self.value
        return f"{word} ({factor:.2f}x of the goal)"

    def as_json(self) -> dict[str, Any]:
        return {"name": self.name, "value": self.value, "goal": self.goal, "unit": self.unit,
                "higher_is_better": self.higher, "met": self.met}


@attrs.define
class Section:
    name: str
    title: str
    tables: list[Table] = attrs.field(factory=list)
    targets: list[Target] = attrs.field(factory=list)
    notes: list[str] = attrs.field(factory=list)
    seconds: float = 0.0

    def table(self, title: str, columns: Sequence[str]) -> Table:
        t = Table(title, list(columns))
        self.tables.append(t)
        return t

    def as_json(self) -> dict[str, Any]:
        return {"name": self.name, "title": self.title, "seconds": round(self.seconds, 2),
                "tables": [t.as_json() for t in self.tables],
                "targets": [t.as_json() for t in self.targets], "notes": self.notes}


def timed(fn: Callable[[], Any]) -> float:
    """Seconds one call of ``fn`` takes."""
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def interleaved(sides: dict[str, Callable[[], float | None]], repeats: int) -> dict[str, float]:
    """Run each side ``repeats`` times, round-robin, and return each side's median.

    Each callable returns a rate (or ``None`` when it cannot run: that side is dropped)."""
    got: dict[str, list[float]] = {k: [] for k in sides}
    dead: set[str] = set()
    for _ in range(max(1, repeats)):
        for name, fn in sides.items():
            if name in dead:
                continue
            v = fn()
            if v is None:
                dead.add(name)
            else:
                got[name].append(v)
    return {k: statistics.median(v) for k, v in got.items() if v}


def ratio(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None or b == 0 else a / b


def fmt_rate(v: float | None) -> str:
    return "-" if v is None else f"{v:,.0f}"


def fmt_ratio(v: float | None) -> str:
    if v is None:
        return "-"
    return f"{v:.1f}x" if v >= 0.1 else f"{v:.3f}x"


def fmt_us(seconds: float | None) -> str:
    return "-" if seconds is None else f"{seconds * 1e6:,.1f} µs"


def loadavg() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


def machine() -> dict[str, Any]:
    """Where the numbers come from."""
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "kernel": platform.release(),
            "python": platform.python_version(), "loadavg_start": loadavg(),
            "date": time.strftime("%Y-%m-%d %H:%M:%S %Z")}
