"""Scaling: what one filter request costs as the block grows, as ports are bound to it, and
how many fault cases per second the explorer runs.

* Block size: the block holds N no-flag filters (prio 1, handles 1..N); the timed op is one
  more filter (handle 0xffff) added and deleted. Emulator (API on netdevsim with skip_sw and
  without flags, API on a veth, and the script runner) side by side with the host kernel on
  a veth (``tc -batch``). The growth exponent ``k`` fits cost ∝ N^k between the two largest
  sizes: ``k ≈ 0`` is flat, ``k ≤ 1`` is the "no worse than linear" we ask for.
* Ports: P netdevsim ports on one shared block; a skip_sw add/delete is offered to each.
* Explorer: ``offload.explore.explore`` on ``bench/scripts/explore-30.sh`` (30
  steps, 4 ports, single faults, no minimisation, one process).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench._common import Config, Section, Target, fmt_ratio, fmt_us, interleaved, ratio
from bench.emu_tc import TC_PASS, EmuRig, runner_available
from bench.kernel_tc import KernelTcError, rig
from bench.kernel_tc import unavailable_reason as kernel_reason

SCRIPT = Path(__file__).resolve().parent / "scripts" / "explore-30.sh"
GOAL_CASES = 500.0
GOAL_PORT_EXP = 1.15
HANDLE = 0xFFFF


def exponent(sizes: list[int], costs: list[float | None]) -> float | None:
    """k in cost ∝ N^k between the two largest sizes (N > 0) with a cost."""
    pts = [(n, c) for n, c in zip(sizes, costs, strict=True) if n > 0 and c]
    if len(pts) < 2:
        return None
    (n1, c1), (n2, c2) = pts[-2], pts[-1]
    return math.log(c2 / c1) / math.log(n2 / n1)


def growth_word(k: float | None) -> str:
    if k is None:
        return "-"
    if k < 0.25:
        return f"flat (k={k:.2f})"
    return f"{'sub-linear' if k < 0.9 else 'linear' if k <= 1.1 else 'SUPER-linear'} (k={k:.2f})"


def _block_sizes(cfg: Config, sec: Section) -> None:
    n = cfg.scale_ops
    nsim, veth = EmuRig(1), EmuRig(veth=True)
    runner_err = runner_available()
    session = None if runner_err else nsim.session()
    host_err = kernel_reason("veth") if cfg.kernel else "disabled (--no-kernel)"
    host_ctx: Any = None
    host = None
    if host_err is None:
        try:
            host_ctx = rig("veth", str(TC_PASS))
            host = host_ctx.__enter__()
        except KernelTcError as exc:
            host_err = str(exc)
    rows: dict[str, list[float | None]] = {k: [] for k in
                                           ("hw", "sw", "veth", "runner", "host")}
    have = 0
    try:
        for size in cfg.sizes:
            nsim.fill(size, have)
            veth.fill(size, have)
            if host is not None:
                fill = [f"filter add {host.target} prio 1 handle {h} bpf da "
                        f"{host.prog('', 'pinned', str(TC_PASS))}"
                        for h in range(have + 1, size + 1)]
                if fill:
                    host.batch(fill)
            have = size
            sides: dict[str, Callable[[], float | None]] = {
                "hw": lambda: nsim.api_pairs("skip_sw", n, HANDLE) / (2 * n),
                "sw": lambda: nsim.api_pairs("", n, HANDLE) / (2 * n),
                "veth": lambda: veth.api_pairs("", n, HANDLE) / (2 * n),
            }
            if session is not None:
                m = max(2, n // 10)
                sides["runner"] = lambda m=m: _runner_cost(nsim, session, m)
            if host is not None:
                h, kn = host, max(n, cfg.kernel_pairs // 2)  # amortise tc's own start-up
                sides["host"] = lambda h=h, kn=kn: h.batch(
                    h.pair_lines("", "pinned", str(TC_PASS), kn, handle=HANDLE)) / (2 * kn)
            # interleaved() takes medians of whatever the callables return: here seconds/op
            med = interleaved(sides, cfg.repeats)
            for k in rows:
                rows[k].append(med.get(k))
    finally:
        if host_ctx is not None:
            host_ctx.__exit__(None, None, None)
    if runner_err:
        sec.notes.append(f"runner column skipped: {runner_err}")
    if host_err:
        sec.notes.append(f"host kernel column skipped: {host_err}")
    t = sec.table("per-op cost (µs) as the block grows (N no-flag filters already in it)",
                  ["filters in block", "emu API nsim skip_sw", "emu API nsim no flag",
                   "emu API veth", "emu runner nsim", "host kernel veth",
                   "veth: emu / kernel speed"])
    sizes = list(cfg.sizes)
    for i, size in enumerate(sizes):
        t.add(f"{size:,}", *(fmt_us(rows[k][i]) for k in ("hw", "sw", "veth", "runner", "host")),
              fmt_ratio(ratio(rows["host"][i], rows["veth"][i])))
    t.add("growth", *(growth_word(exponent(sizes, rows[k]))
                      for k in ("hw", "sw", "veth", "runner", "host")), "")
    for k, label in (("hw", "skip_sw"), ("sw", "no flag"), ("runner", "runner")):
        kk = exponent(sizes, rows[k])
        if kk is not None:
            sec.targets.append(Target(f"per-op cost growth exponent, emulator {label}", kk,
                                      1.0, "", higher=False))


def _runner_cost(r: EmuRig, session: Any, m: int) -> float:
    """Seconds per op of the runner at this block size (handle 0xffff, no flag)."""
    from offload.script import parse_script

    lines = [f"tc filter add {r.tc_target} prio 1 handle {HANDLE} bpf da "
             "object-pinned /sys/fs/bpf/sw",
             f"tc filter del {r.tc_target} prio 1 handle {HANDLE} bpf"] * m
    t0 = time.perf_counter()
    for cmd in parse_script(lines, {}):
        e = session.execute(cmd)
        if e.rc:
            raise RuntimeError(f"{cmd.text}: {e.stderr.strip()}")
    return (time.perf_counter() - t0) / (2 * m)


def _ports(cfg: Config, sec: Section) -> None:
    n = cfg.scale_ops
    t = sec.table("per-op cost (µs) with P ports bound to one shared block",
                  ["ports", "skip_sw", "skip_sw per port", "no flag", "in_hw_count"])
    costs: list[float | None] = []
    for p in cfg.ports:
        r = EmuRig(p, shared=True)
        med = interleaved({"hw": lambda r=r: r.api_pairs("skip_sw", n) / (2 * n),
                           "sw": lambda r=r: r.api_pairs("", n) / (2 * n)}, cfg.repeats)
        costs.append(med.get("hw"))
        t.add(p, fmt_us(med.get("hw")), fmt_us(med["hw"] / p), fmt_us(med.get("sw")),
              r.in_hw_count("skip_sw"))
    k = exponent(list(cfg.ports), costs)
    t.add("growth", growth_word(k), "", "", "")
    if k is not None:  # one callback per port is inherent: linear, with 0.15 for noise
        sec.targets.append(Target("per-op cost growth exponent vs ports, skip_sw", k,
                                  GOAL_PORT_EXP, "", higher=False))


def explorer_rate(seconds: float, jobs: int = 1) -> tuple[float | None, int, str | None]:
    """(cases/s, cases, why not) for the explorer on the 30-step script, running the whole
    exploration as many times as fit in ``seconds`` (at least once) with ``jobs`` worker
    processes (their start-up included)."""
    try:
        from offload.explore import ExploreOptions, explore
        from offload.script import parse_script
    except ImportError as exc:
        return None, 0, f"explorer not available yet: {exc}"
    cmds = parse_script(SCRIPT.read_text().splitlines(), {})
    opts = ExploreOptions(jobs=jobs, minimize=False)
    cases, t0 = 0, time.perf_counter()
    while True:
        cases += explore(cmds, opts).cases_run
        dt = time.perf_counter() - t0
        if dt >= seconds:
            return cases / dt, cases, None


def _explorer(cfg: Config, sec: Section) -> None:
    t = sec.table("explorer, single faults on the 30-step script",
                  ["worker processes", "cases run", "cases/s", "ms per case"])
    rate1: float | None = None
    for jobs in (1, 2):
        rate, cases, err = explorer_rate(cfg.explore_seconds, jobs)
        if err:
            sec.notes.append(err)
            break
        rate1 = rate if jobs == 1 else rate1
        t.add(jobs, cases, "-" if rate is None else f"{rate:,.0f}",
              "-" if not rate else f"{1000 / rate:.2f}")
    sec.notes.append("explorer: bench/scripts/explore-30.sh (30 steps, 4 ports on a shared "
                     "block), offload.explore.explore without minimisation; 2 worker "
                     "processes include the spawn start-up")
    sec.targets.append(Target("explorer fault cases/s, 1 process (30-step script)", rate1,
                              GOAL_CASES, "cases/s"))


def run(cfg: Config) -> Section:
    sec = Section("scaling", "Scaling: per-op cost vs block size and ports; explorer rate")
    _block_sizes(cfg, sec)
    _ports(cfg, sec)
    _explorer(cfg, sec)
    return sec
