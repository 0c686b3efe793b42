"""``offload explore SCRIPT``: inject a fault at every driver invocation of a script and
check the offload invariants after every step.

The script runs once fault-free to number every driver invocation (per script line and
device), then once more from a fresh emulator for each fault: every errno class
(EOPNOTSUPP, EBUSY, ENOMEM, EIO), a raised exception, and a device reset between steps.
``--faults pairs`` adds a second fault among the next ``--window`` invocations of the same
line (where the first fault's rollback, unroll or replay runs). Distinct violations
(invariant, blame, cause, profile) are listed with the smallest script that reproduces
each, runnable with ``offload run``. See docs/explore.md.

Exit status (``--fail-on``, default ``driver``)::

    0  no violation with a blame that --fail-on selects (or --fail-on none)
    1  at least one such violation (driver: blamed on the driver; kernel: kernel
       behaviour of the profile; any: either, or an injected fault's)
    2  the script, an option or the driver plugin could not be used
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from offload.drivers_cli import add_driver_args, check_driver, driver_spec, driver_timeout
from offload.explore._cases import Case
from offload.explore._engine import ExploreOptions, ExploreResult, explore_many
from offload.explore._label import kind_label
from offload.script import ScriptError, load_script

if TYPE_CHECKING:
    from offload.explore._dist import DaskExecutor


def make_executor(*, cluster: str | None, kind: str, jobs: int) -> DaskExecutor | None:
    """Dask for ``--cluster``/``--executor dask`` (imported only then), else None."""
    if cluster is None and kind != "dask":
        return None
    from offload.explore._dist import make_executor as make

    return make(cluster=cluster, kind=kind, jobs=jobs)


FAIL_ON = ("driver", "kernel", "any", "none")

PROFILE_CHOICES = {"v6.12": ("v6.12",), "v6.1": ("v6.1",), "v5.2": ("v5.2",),
                   "both": ("v6.1", "v5.2"), "all": ("v6.12", "v6.1", "v5.2")}


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("script", nargs="+", metavar="SCRIPT",
                   help="script file(s) (offload run syntax); several are explored at once "
                        "(their cases share the workers), each reported on its own")
    p.add_argument("--profile", choices=sorted(PROFILE_CHOICES), default="v6.1",
                   help="kernel semantics to explore (default v6.1; both = v6.1 and v5.2; "
                        "all = v6.12, v6.1 and v5.2)")
    p.add_argument("--nic", default="netdevsim",
                   help="simulated NIC profile of the netdevsim bus (netdevsim, smartnic, "
                        "smartnic-lite)")
    add_driver_args(p)
    p.add_argument("--fail-on", choices=FAIL_ON, default="driver",
                   help="exit 1 when a violation with this blame is found: driver "
                        "(default), kernel, any, or none (always 0)")
    p.add_argument("--faults", choices=("single", "pairs"), default="single",
                   help="one fault per case, or two (the second within --window "
                        "invocations of the first's line)")
    p.add_argument("--window", type=int, default=4, help="pairs: second-fault window")
    p.add_argument("--max-pairs", type=int, default=2000,
                   help="pairs: at most this many per profile (a --seed sample beyond)")
    p.add_argument("--jobs", "-j", type=int, default=1,
                   help="workers: processes of the local pool, or of a Dask LocalCluster "
                        "with --executor dask")
    p.add_argument("--executor", choices=("pool", "dask"), default="pool",
                   help="where --jobs run: a local process pool (default) or a Dask "
                        "LocalCluster")
    p.add_argument("--cluster", metavar="ADDRESS",
                   help="run the cases on a Dask cluster: its scheduler, tcp://HOST:8786 "
                        "(see docs/explore.md)")
    p.add_argument("--seed", type=int, default=0, help="seed of the pair sampling")
    p.add_argument("--no-minimize", action="store_true",
                   help="report the first failing case's prefix without minimizing")
    p.add_argument("--report", metavar="OUT.html",
                   help="write an HTML report of the minimal reproductions")
    p.add_argument("--repro-dir", metavar="DIR",
                   help="also write each reproduction as DIR/repro-N.sh")
    p.add_argument("--json", action="store_true", help="print the result as JSON only")
    p.add_argument("--set", dest="variables", action="append", default=[],
                   metavar="VAR=VALUE", help="define $VAR for the script (repeatable)")


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add ``explore`` to an argparse subparsers object."""
    p = subparsers.add_parser("explore", help="inject faults at every driver invocation",
                              description=__doc__.split("\n\n")[0])
    add_arguments(p)
    p.set_defaults(func=run_cli)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point used by ``offload explore`` (offload/cli.py delegates here)."""
    p = argparse.ArgumentParser(prog="offload explore", description=__doc__.split("\n\n")[0])
    add_arguments(p)
    return run_cli(p.parse_args(argv))


def run_cli(args: argparse.Namespace) -> int:
    import os

    env = dict(os.environ)
    for item in args.variables:
        name, _, value = item.partition("=")
        env[name] = value
    scripts = list(args.script)
    bad = check_driver(args, "offload explore")
    if bad is not None:
        return bad
    try:
        loaded = [(name, load_script(name, env)) for name in scripts]
    except ScriptError as exc:
        print(f"offload explore: {exc}", file=sys.stderr)
        return 2
    opts = ExploreOptions(
        profiles=PROFILE_CHOICES[args.profile], nic=args.nic, driver=driver_spec(args),
        driver_timeout=driver_timeout(args), variables=used_variables(scripts, env),
        pairs=args.faults == "pairs", jobs=max(1, args.jobs), seed=args.seed,
        window=args.window, max_pairs=args.max_pairs, minimize=not args.no_minimize)
    console = Console(stderr=args.json)
    try:
        executor = make_executor(cluster=args.cluster, kind=args.executor, jobs=opts.jobs)
        with contextlib.nullcontext() if executor is None else executor, \
                _progress(Console(stderr=True), quiet=False) as bar:
            results = explore_many(loaded, opts, progress=bar, executor=executor)
    except Exception as exc:
        if type(exc).__name__ == "DriverPluginError":
            print(f"offload explore: {exc}", file=sys.stderr)
            return 2
        if args.cluster and isinstance(exc, OSError | TimeoutError):
            print(f"offload explore: cluster {args.cluster}: {exc}", file=sys.stderr)
            return 2
        raise
    if len(results) > 1:
        return _report_many(results, args, console)
    result = results[0]
    if args.repro_dir:
        write_repros(result, Path(args.repro_dir))
    if args.report:
        from offload.report import write_explore_report

        write_explore_report(args.report, result)
    if args.json:
        sys.stdout.write(json.dumps(to_json(result), indent=1) + "\n")
    else:
        print_result(result, console)
        if args.report:
            console.print(f"report: {args.report}")
    return exit_status(result, args.fail_on)


def exit_status(result: ExploreResult, fail_on: str) -> int:
    """1 if a distinct violation has a blame ``fail_on`` selects, else 0."""
    if fail_on == "none":
        return 0
    blames = {r.signature[2] for r in result.reproductions}
    if fail_on == "any":
        return 1 if blames else 0
    return 1 if fail_on in blames else 0


def used_variables(scripts: list[str], env: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """The ``$VAR``s the scripts use that have a value (for ``--set`` in rerun lines)."""
    import re

    text = ""
    for script in scripts:
        if script == "-":
            continue  # standard input was read already
        try:
            text += Path(script).read_text(encoding="utf-8") + "\n"
        except (OSError, UnicodeDecodeError):
            continue
    names = dict.fromkeys(m.group(1) or m.group(2) for m in
                          re.finditer(r"\$(?:\{(\w+)\}|(\w+))", text))
    return tuple((n, _absolute(env[n])) for n in names if n in env)


def _absolute(value: str) -> str:
    """A relative path that exists is made absolute (the rerun line may run elsewhere)."""
    import os

    if value and not os.path.isabs(value) and os.path.exists(value):
        return os.path.abspath(value)
    return value


def _report_many(results: list[ExploreResult], args: argparse.Namespace,
                 console: Console) -> int:
    """Several scripts: each one's result in turn (JSON: a list, one object each);
    reproductions of script N go to DIR/N/ with --repro-dir."""
    if args.report:
        from offload.report import write_explore_report

        for i, r in enumerate(results, 1):
            path = Path(args.report)
            write_explore_report(str(path.with_name(f"{path.stem}-{i}{path.suffix}")), r)
    if args.repro_dir:
        for i, r in enumerate(results, 1):
            write_repros(r, Path(args.repro_dir) / str(i))
    if args.json:
        sys.stdout.write(json.dumps([to_json(r) for r in results], indent=1) + "\n")
    else:
        for r in results:
            print_result(r, console)
    return max(exit_status(r, args.fail_on) for r in results)


class _progress:
    """Progress on stderr: ``__call__(label, total)`` adds a task and returns its
    ``advance(n)``. On a terminal, a rich bar with the time left; otherwise a plain line
    every :attr:`EVERY` seconds (and at each task's end), so CI logs show the run moving."""

    EVERY = 10.0

    def __init__(self, console: Console, quiet: bool) -> None:
        self.quiet = quiet
        self.tty = console.is_terminal
        self.bar = Progress(TextColumn("{task.description}"), BarColumn(),
                            MofNCompleteColumn(), TimeElapsedColumn(), TextColumn("ETA"),
                            TimeRemainingColumn(), console=console, transient=True,
                            disable=quiet or not self.tty)

    def __enter__(self) -> Callable[[str, int], Callable[[int], None]]:
        self.bar.__enter__()

        def add(label: str, total: int) -> Callable[[int], None]:
            if self.tty or self.quiet:
                task = self.bar.add_task(label, total=total)
                return lambda n: self.bar.advance(task, n)
            return _PlainProgress(label, total, self.EVERY)

        return add

    def __exit__(self, *exc: object) -> None:
        self.bar.__exit__(None, None, None)


class _PlainProgress:
    """``offload explore: v6.1: single faults 120/909 (13%), 20 s, ETA 2 min 11 s``."""

    def __init__(self, label: str, total: int, every: float) -> None:
        import time

        self.label, self.total, self.every = label, total, every
        self.done = 0
        self.start = self.last = time.monotonic()

    def __call__(self, n: int) -> None:
        import time

        self.done += n
        now = time.monotonic()
        if self.done < self.total and now - self.last < self.every:
            return
        self.last = now
        spent = now - self.start
        pct = 100 * self.done // max(1, self.total)
        left = spent / self.done * (self.total - self.done) if self.done else 0.0
        eta = "" if self.done >= self.total else f", ETA {_duration(left)}"
        print(f"offload explore: {self.label} {self.done}/{self.total} ({pct}%), "
              f"{_duration(spent)}{eta}", file=sys.stderr, flush=True)


def _duration(seconds: float) -> str:
    s = round(seconds)
    return f"{s // 60} min {s % 60} s" if s >= 60 else f"{s} s"


def trigger(case: Case) -> str:
    """What the representative case injected: ``none``, ``EBUSY``, ``raise+EIO``, ..."""
    return "+".join(f.fclass for f in case.faults) or "none"


def summary_rows(result: ExploreResult) -> list[tuple[str, ...]]:
    """One row per distinct violation: profile, invariant, what, blame, trigger, cases,
    lines of the reproduction."""
    return [(r.signature[0], r.signature[1], kind_label(r.signature), r.signature[2],
             trigger(r.case), ", ".join(r.wheres), str(r.occurrences), str(len(r.commands)))
            for r in result.reproductions]


def print_result(result: ExploreResult, console: Console) -> None:
    opts = result.options
    by_profile = Counter(o.profile for o in result.outcomes)
    head = Table(title=f"offload explore {result.script}", show_header=True)
    for col in ("profile", "cases run", "cases with violations", "distinct violations"):
        head.add_column(col)
    for profile in opts.profiles:
        bad = sum(1 for o in result.outcomes if o.profile == profile and o.found)
        distinct = sum(1 for r in result.reproductions if r.signature[0] == profile)
        head.add_row(profile, str(by_profile[profile]), str(bad), str(distinct))
    console.print(head)

    tab = Table(title="distinct violations (smallest reproduction below)")
    for col in ("#", "profile", "invariant", "what", "blame", "trigger", "seen at", "cases",
                "lines"):
        tab.add_column(col, overflow="fold")
    for i, row in enumerate(summary_rows(result), 1):
        tab.add_row(str(i), *row)
    console.print(tab)

    for name, idx in (("invariant", 1), ("blame", 2)):
        c: Counter[str] = Counter()
        for r in result.reproductions:
            c[r.signature[idx]] += 1
        t = Table(title=f"by {name}")
        t.add_column(name)
        t.add_column("distinct")
        t.add_column("occurrences")
        occ: Counter[str] = Counter()
        for r in result.reproductions:
            occ[r.signature[idx]] += r.occurrences
        for k in sorted(c):
            t.add_row(k, str(c[k]), str(occ[k]))
        console.print(t)

    for i, r in enumerate(result.reproductions, 1):
        console.rule(f"#{i} {r.signature[1]} ({r.signature[0]}) — {kind_label(r.signature)}"
                     f" — save as repro-{i}.sh")
        console.print(r.script_text(path=f"repro-{i}.sh"), markup=False, highlight=False,
                      end="", soft_wrap=True)


def write_repros(result: ExploreResult, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, r in enumerate(result.reproductions, 1):
        p = out / f"repro-{i}.sh"
        p.write_text(r.script_text(path=str(p)), encoding="utf-8")
        paths.append(p)
    return paths


def to_json(result: ExploreResult) -> dict[str, Any]:
    o = result.options
    return {
        "script": result.script,
        "options": {"profiles": list(o.profiles), "nic": o.nic,
                    "driver": o.driver.label if hasattr(o.driver, "label") else o.driver,
                    "faults": "pairs" if o.pairs else "single", "seed": o.seed,
                    "window": o.window, "max_pairs": o.max_pairs},
        "cases_run": result.cases_run,
        "cases_by_profile": dict(Counter(x.profile for x in result.outcomes)),
        "violations": [
            {"profile": r.signature[0], "invariant": r.signature[1], "blame": r.signature[2],
             "cause": r.signature[3], "what": kind_label(r.signature),
             "occurrences": r.occurrences, "found_by": r.case.label,
             "trigger": trigger(r.case), "seen_at": list(r.wheres),
             "rerun": r.rerun_line(),
             "example": str(r.example), "reproduction": [c.text for c in r.commands]}
            for r in result.reproductions
        ],
    }
