"""``python -m bench``: every benchmark, or some (``--only``), at full, ``--quick`` or
``--smoke`` size; ``--json FILE`` writes all numbers. ``make bench`` runs it."""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs
from rich.console import Console
from rich.table import Table as RichTable

from bench._common import Config, Section, loadavg, machine
from bench.vmrig import VmHolder

NAMES = ("control", "scaling", "datapath", "vm", "memory", "user", "exec")


def _runner(name: str) -> Callable[[Config, VmHolder], Section]:
    if name == "control":
        from bench import control

        return control.run
    if name == "scaling":
        from bench import scaling

        return lambda cfg, _vms: scaling.run(cfg)
    if name == "datapath":
        from bench import datapath

        return lambda cfg, _vms: datapath.run(cfg)
    if name == "vm":
        from bench import vm

        return vm.run
    if name == "user":
        from bench import user

        return lambda cfg, _vms: user.run(cfg)
    if name == "exec":
        from bench import exec as exec_bench

        return lambda cfg, _vms: exec_bench.run(cfg)
    from bench import memory

    return lambda cfg, _vms: memory.run(cfg)


def _digits(v: float) -> int:
    return 0 if abs(v) >= 100 else 1 if abs(v) >= 10 else 2


def render(console: Console, sec: Section) -> None:
    console.rule(f"[bold]{sec.title}[/bold]  ({sec.seconds:.1f} s)")
    for t in sec.tables:
        rt = RichTable(title=t.title, title_justify="left", show_lines=False)
        for i, c in enumerate(t.columns):
            rt.add_column(c, justify="left" if i == 0 else "right")
        for row in t.rows:
            rt.add_row(*(str(x) for x in row))
        console.print(rt)
    if sec.targets:
        rt = RichTable(title="targets", title_justify="left")
        for c in ("target", "measured", "goal", "standing"):
            rt.add_column(c, justify="left" if c in ("target", "standing") else "right")
        for tg in sec.targets:
            val = "-" if tg.value is None else f"{tg.value:,.{_digits(tg.value)}f} {tg.unit}"
            goal = f"{'≥' if tg.higher else '≤'} {tg.goal:,.{_digits(tg.goal)}f} {tg.unit}"
            style = {True: "green", False: "red", None: "yellow"}[tg.met]
            rt.add_row(tg.name, val, goal, f"[{style}]{tg.standing()}[/{style}]")
        console.print(rt)
    for n in sec.notes:
        console.print(f"  note: {n}")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    size = ap.add_mutually_exclusive_group()
    size.add_argument("--quick", action="store_true", help="smaller runs (about 3 minutes)")
    size.add_argument("--smoke", action="store_true", help="tiny runs: numbers, not timings")
    ap.add_argument("--only", action="append", default=[], metavar="NAME",
                    help=f"run only these (repeatable or comma-separated): {', '.join(NAMES)}")
    ap.add_argument("--json", type=Path, metavar="FILE", help="write every number as JSON")
    ap.add_argument("--repeats", type=int, help="repeats per measurement (median taken)")
    ap.add_argument("--fresh-vm", action="store_true",
                    help="also provision the VM into a temporary cache (about 1.5 min)")
    ap.add_argument("--no-vm", action="store_true", help="skip everything that boots the VM")
    ap.add_argument("--no-kernel", action="store_true", help="skip host-kernel measurements")
    return ap.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    cfg = Config.quick() if args.quick else Config.smoke() if args.smoke else Config.full()
    cfg = attrs.evolve(cfg, fresh_vm=args.fresh_vm, vm=not args.no_vm,
                       kernel=not args.no_kernel)
    if args.repeats:
        cfg = attrs.evolve(cfg, repeats=args.repeats)
    only = [n.strip() for o in args.only for n in o.split(",") if n.strip()]
    bad = [n for n in only if n not in NAMES]
    if bad:
        print(f"unknown benchmark(s): {', '.join(bad)} (choose from {', '.join(NAMES)})",
              file=sys.stderr)
        return 2
    names = [n for n in NAMES if not only or n in only]
    console = Console(width=max(Console().width, 110))
    info = machine()
    console.print(f"[bold]offload benchmarks[/bold] — {info['cpu']}, {info['cores']} cores, "
                  f"host kernel {info['kernel']}, Python {info['python']}, "
                  f"load {info['loadavg_start']} at start, {info['date']}")
    out: dict[str, Any] = {"machine": info, "config": attrs.asdict(cfg), "sections": []}
    vms = VmHolder()
    failed = 0
    try:
        for name in names:
            t0 = time.monotonic()
            try:
                sec = _runner(name)(cfg, vms)
            except Exception as exc:  # one broken benchmark must not hide the others
                failed += 1
                sec = Section(name, f"{name}: FAILED")
                sec.notes.append(f"{type(exc).__name__}: {exc}")
                sec.notes.extend(traceback.format_exc().rstrip().splitlines()[-6:])
            sec.seconds = time.monotonic() - t0
            render(console, sec)
            out["sections"].append(sec.as_json())
    finally:
        vms.close()
    out["machine"]["loadavg_end"] = loadavg()
    console.print(f"load at end: {out['machine']['loadavg_end']}")
    if args.json:
        args.json.write_text(json.dumps(out, indent=1))
        console.print(f"numbers written to {args.json}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
