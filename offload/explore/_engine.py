"""The explorer's engine: baseline run, fault cases (in parallel), de-duplication by
violation signature, and minimal reproductions.

Determinism: the cases of a profile are generated in a fixed order from the fault-free
run's invocation trace; workers return results in input order (``imap``), so ``--jobs N``
gives exactly the result of ``--jobs 1``. The only randomness is the sampling of pair cases
beyond ``max_pairs``, drawn from ``random.Random(seed)``.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import random
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import attrs

from offload.explore._cases import (
    FAULT_CLASSES,
    Case,
    Site,
    is_fault_line,
    pair_cases,
    single_cases,
    sites_of,
    with_faults,
)
from offload.explore._exec import (
    CaseRun,
    ExploreConfig,
    Handover,
    Prefixes,
    checkpointable,
    common_prefix,
    run_commands,
)
from offload.invariants import Violation
from offload.script import Command

Signature = tuple[str, str, str, str]  # profile, invariant, blame, cause


def signature(v: Violation) -> Signature:
    return (v.profile, v.invariant, v.blame, v.cause)


@attrs.frozen
class Found:
    """A violation as a case found it: at which command of the case's script."""

    violation: Violation
    index: int


@attrs.frozen
class CaseOutcome:
    """What one case produced (picklable: this is what workers send back)."""

    profile: str
    case: Case
    found: tuple[Found, ...]
    later_sites: tuple[Site, ...] = ()  # invocations of the fault's line (for pairs)
    rcs: tuple[int, ...] = ()


@attrs.frozen
class ExploreOptions:
    profiles: tuple[str, ...] = ("v6.1",)
    nic: str = "netdevsim"
    driver: Any = None  # offload.plugins.DriverSpec, a plugin name, or None (simnic)
    driver_timeout: float | str | None = "default"
    variables: tuple[tuple[str, str], ...] = ()  # the --set values (for rerun lines)
    pairs: bool = False
    jobs: int = 1
    seed: int = 0
    window: int = 4  # second faults: the next N invocations of the first fault's line
    max_pairs: int = 2000  # per profile; beyond it a seeded sample
    classes: tuple[str, ...] = FAULT_CLASSES
    minimize: bool = True
    checkpoints: bool = True  # resume cases from checkpoints (ExploreConfig.checkpoints)
    early_stop: bool = True  # take a case's rest from the fault-free run (ExploreConfig)


@attrs.frozen
class Reproduction:
    """The smallest script found that still shows one violation signature."""

    signature: Signature
    commands: tuple[Command, ...]
    case: Case
    example: Violation
    occurrences: int
    #: where the violation showed, over every case (ports, filters), sorted
    wheres: tuple[str, ...] = ()
    #: the ``offload run`` options that recreate the machine (profile, NIC, driver, --set)
    run_options: tuple[str, ...] = ()

    def rerun_line(self, path: str = "repro.sh") -> str:
        """The command that replays this reproduction, as it can be typed."""
        import shlex

        return shlex.join(["offload", "run", *self.run_options, path])

    def script_text(self, header: bool = True, path: str = "repro.sh") -> str:
        """The reproduction as a script; its ``# rerun:`` line works once the script is
        saved as ``path``."""
        _, inv, blame, cause = self.signature
        lines = []
        if header:
            lines += [f"# {inv} — {blame}: {cause}",
                      f"# found by: {self.case.label}"]
            if self.wheres:
                lines.append(f"# seen at: {', '.join(self.wheres)}")
            lines += [f"# {x}" for x in self.example.holdings_table()]
            lines.append(f"# rerun: {self.rerun_line(path)}")
        lines += [c.text for c in self.commands]
        return "\n".join(lines) + "\n"


@attrs.frozen
class ExploreResult:
    options: ExploreOptions
    script: str
    outcomes: tuple[CaseOutcome, ...]
    reproductions: tuple[Reproduction, ...]

    @property
    def cases_run(self) -> int:
        return len(self.outcomes)


# -- one case (runs in workers) ----------------------------------------------------------


def _cfg(opts: ExploreOptions, profile: str) -> ExploreConfig:
    return ExploreConfig(profile=profile, nic=opts.nic, driver=opts.driver,
                         driver_timeout=opts.driver_timeout, checkpoints=opts.checkpoints,
                         early_stop=opts.early_stop)


def run_case(task: tuple[tuple[Command, ...], ExploreConfig, Case]) -> CaseOutcome:
    """Run one case; top-level so that spawned workers can import it. The fault-free
    prefix is not replayed: the case resumes from this process's checkpoint of it; and
    once its state is back to the fault-free run's, the rest is that run's (early stop,
    :class:`offload.explore._exec.Reference`)."""
    commands, cfg, case = task
    cmds = with_faults(commands, case.faults)
    start = handover = None
    if case.faults and (cfg.checkpoints or cfg.early_stop) and checkpointable(commands, cfg):
        prefixes = _prefixes(commands, cfg)
        if cfg.checkpoints:
            start = prefixes.at(common_prefix(cmds, commands))
        if cfg.early_stop:
            handover = _handover(prefixes, case)
    run = run_commands(cmds, cfg, snapshots=False, start=start, handover=handover)
    found = tuple(Found(v, s.index) for s in run.steps for v in s.new)
    later: tuple[Site, ...] = ()
    if len(case.faults) == 1 and not case.faults[0].is_reset:
        line, of_step = case.faults[0].site.line, _line_of_step(cmds)
        later = tuple(sites_of([inv for inv in run.trace.invocations
                                if of_step.get(inv.step) == line], of_step))
    return CaseOutcome(cfg.profile, case, found, later, tuple(s.entry.rc for s in run.steps))


def _handover(prefixes: Prefixes, case: Case) -> Handover:
    """Where ``case`` may stop early: after the last script line a fault goes into (an
    invocation fault's line; for a reset, the line after it), past all its fault lines."""
    last = max(f.site.line + (1 if f.is_reset else 0) for f in case.faults)
    n = len(case.faults)
    return Handover(prefixes.reference(), n, last + n)


_PREFIXES = threading.local()


def forget_checkpoints() -> None:
    """Drop this thread's checkpoints (benchmarks measure an exploration from cold)."""
    _PREFIXES.by_script = {}


def _prefixes(commands: tuple[Command, ...], cfg: ExploreConfig) -> Prefixes:
    """This worker's checkpoints of ``commands`` (a few scripts are kept; per thread, for
    Dask workers that are threads of one process)."""
    mine: dict[tuple[tuple[Command, ...], ExploreConfig], Prefixes] | None = getattr(
        _PREFIXES, "by_script", None)
    if mine is None:
        mine = _PREFIXES.by_script = {}
    key = (commands, cfg)
    got = mine.get(key)
    if got is None:
        if len(mine) >= 4:
            mine.pop(next(iter(mine)))
        got = mine[key] = Prefixes(commands, cfg)
    return got


def _line_of_step(cmds: Sequence[Command]) -> dict[int, int]:
    """Event-log step number -> index of the script line (fault lines excluded)."""
    out, line = {}, 0
    for i, cmd in enumerate(cmds):
        if is_fault_line(cmd):
            continue
        out[i + 1] = line
        line += 1
    return out


# -- orchestration -------------------------------------------------------------------------


class _Pool:
    """One worker pool for a whole exploration (spawned once: start-up is the cost)."""

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self.pool: Any = None

    def __enter__(self) -> _Pool:
        if self.jobs > 1:
            self.pool = multiprocessing.get_context("spawn").Pool(self.jobs)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()

    def map(self, tasks: list[tuple[tuple[Command, ...], ExploreConfig, Case]],
            advance: Callable[[int], None]) -> Iterator[CaseOutcome]:
        """Results in task order, whatever the number of workers."""
        if self.pool is None or len(tasks) < 2:
            for t in tasks:
                yield run_case(t)
                advance(1)
            return
        chunk = max(1, min(64, len(tasks) // (self.jobs * 4)))
        for out in self.pool.imap(run_case, tasks, chunksize=chunk):
            yield out
            advance(1)


def baseline(commands: Sequence[Command], cfg: ExploreConfig) -> tuple[CaseRun, list[Site]]:
    run = run_commands(commands, cfg)
    return run, sites_of(run.trace.invocations, _line_of_step(commands))


def explore(commands: Sequence[Command], opts: ExploreOptions, script: str = "",
            progress: Callable[[str, int], Callable[[int], None]] | None = None,
            executor: Any = None) -> ExploreResult:
    """Explore ``commands`` under ``opts``. ``progress(label, total)`` returns an
    ``advance(n)`` callback (a progress bar); ``None`` runs silently. ``executor`` runs
    the cases (see :func:`explore_many`)."""
    return explore_many([(script, commands)], opts, progress, executor)[0]


@attrs.define
class _Plan:
    """One (script, profile) of an exploration: its baseline and the cases to run."""

    commands: tuple[Command, ...]
    cfg: ExploreConfig
    base: CaseOutcome
    singles: list[Case]
    single_out: list[CaseOutcome] = attrs.field(factory=list)
    pair_out: list[CaseOutcome] = attrs.field(factory=list)


def explore_many(scripts: Sequence[tuple[str, Sequence[Command]]], opts: ExploreOptions,
                 progress: Callable[[str, int], Callable[[int], None]] | None = None,
                 executor: Any = None) -> list[ExploreResult]:
    """Explore several scripts at once: the cases of all of them (and all profiles) go to
    one executor, so workers stay busy across scripts. One result per script, each the
    same as :func:`explore` of that script alone.

    ``executor`` (already entered, left open) has ``map(tasks, advance)`` yielding
    outcomes in task order; by default the local process pool of ``opts.jobs`` (see
    :mod:`offload.explore._dist` for Dask). Determinism: results come back in task order,
    so the number and kind of workers never changes a report."""
    plans: list[list[_Plan]] = []
    for _, commands in scripts:
        cmds = tuple(commands)
        mine = []
        for profile in opts.profiles:
            cfg = _cfg(opts, profile)
            base_run, sites = baseline(cmds, cfg)
            base = CaseOutcome(profile, Case(),
                               tuple(Found(v, s.index) for s in base_run.steps for v in s.new))
            holds = [s.state.holds_anything for s in base_run.steps]
            singles = [c for c in single_cases(sites, len(cmds), opts.classes)
                       if not c.faults[0].is_reset or holds[c.faults[0].site.line]]
            mine.append(_Plan(cmds, cfg, base, singles))
        plans.append(mine)
    flat = [p for mine in plans for p in mine]
    with contextlib.nullcontext(executor) if executor is not None else _Pool(opts.jobs) as ex:
        _run_phase(ex, flat, lambda p: p.singles, "single faults", progress,
                   lambda p, out: p.single_out.extend(out))
        if opts.pairs:
            pairs = {id(p): _pairs(p.single_out, opts) for p in flat}
            _run_phase(ex, flat, lambda p: pairs[id(p)], "fault pairs", progress,
                       lambda p, out: p.pair_out.extend(out))
    results = []
    for (name, _), mine in zip(scripts, plans, strict=True):
        outcomes: list[CaseOutcome] = []
        for p in mine:
            outcomes += [p.base, *p.single_out, *p.pair_out]
        repros = reproductions(mine[0].commands, outcomes, opts)
        results.append(ExploreResult(opts, name, tuple(outcomes), tuple(repros)))
    return results


def _run_phase(ex: Any, plans: list[_Plan], cases_of: Callable[[_Plan], list[Case]],
               what: str, progress: Callable[[str, int], Callable[[int], None]] | None,
               put: Callable[[_Plan, list[CaseOutcome]], None]) -> None:
    """Run the cases of every plan as one batch; hand each plan its outcomes in order."""
    tasks = [(p.commands, p.cfg, c) for p in plans for c in cases_of(p)]
    scripts = len({id(p.commands) for p in plans})
    if scripts == 1:
        label = f"{', '.join(p.cfg.profile for p in plans)}: {what}"
    else:
        label = f"{scripts} scripts: {what}"
    advance = progress(label, len(tasks)) if progress else _noop
    out = list(ex.map(tasks, advance)) if tasks else []
    i = 0
    for p in plans:
        n = len(cases_of(p))
        put(p, out[i:i + n])
        i += n


def _noop(n: int) -> None:
    return None


def _pairs(singles: Sequence[CaseOutcome], opts: ExploreOptions) -> list[Case]:
    """Second faults for every single invocation fault (see :func:`pair_cases`); at most
    ``max_pairs``, sampled with ``seed`` and kept in generation order."""
    out: list[Case] = []
    for o in singles:
        if len(o.case.faults) != 1 or o.case.faults[0].is_reset:
            continue
        out += pair_cases(o.case.faults[0], o.later_sites, opts.window, opts.classes)
    if len(out) > opts.max_pairs:
        keep = sorted(random.Random(opts.seed).sample(range(len(out)), opts.max_pairs))
        out = [out[i] for i in keep]
    return out


# -- reproductions -------------------------------------------------------------------------


def reproductions(commands: Sequence[Command], outcomes: Sequence[CaseOutcome],
                  opts: ExploreOptions) -> list[Reproduction]:
    """One minimal reproduction per distinct signature, from its simplest case (fewest
    faults, then earliest)."""
    best: dict[Signature, tuple[tuple[int, int], CaseOutcome, Found]] = {}
    count: dict[Signature, int] = {}
    wheres: dict[Signature, set[str]] = {}
    for o in outcomes:
        for f in o.found:
            sig = signature(f.violation)
            count[sig] = count.get(sig, 0) + 1
            wheres.setdefault(sig, set()).add(f.violation.where)
            rank = (len(o.case.faults), f.index)
            if sig not in best or rank < best[sig][0]:
                best[sig] = (rank, o, f)
    out = []
    for sig in sorted(best):
        _, o, f = best[sig]
        cmds = with_faults(commands, o.case.faults)[: f.index + 1]
        cfg = _cfg(opts, o.profile)
        if opts.minimize:
            cmds = minimize(cmds, sig, cfg)
        out.append(Reproduction(sig, tuple(cmds), o.case, f.violation, count[sig],
                                tuple(sorted(wheres[sig])), run_options(opts, o.profile)))
    return out


def run_options(opts: ExploreOptions, profile: str) -> tuple[str, ...]:
    """``offload run`` options recreating a case's machine: profile, NIC, driver plugin
    with its options and watchdog, and the script variables."""
    from offload.drivers_cli import rerun_words
    from offload.plugins import DriverSpec

    words = ["--profile", profile]
    if opts.nic != "netdevsim":
        words += ["--nic", opts.nic]
    spec = DriverSpec.of(opts.driver)
    timeout = opts.driver_timeout if isinstance(opts.driver_timeout, float | int) else None
    words += rerun_words(spec, timeout)
    for name, value in opts.variables:
        words += ["--set", f"{name}={value}"]
    return tuple(words)


def reproduces(cmds: Sequence[Command], sig: Signature, cfg: ExploreConfig) -> bool:
    run = run_commands(cmds, cfg, snapshots=False)
    return any(signature(v) == sig for s in run.steps for v in s.new)


def minimize(cmds: Sequence[Command], sig: Signature, cfg: ExploreConfig) -> list[Command]:
    """Shortest reproducing prefix, then drop earlier lines one at a time (first to last)
    while the signature still shows; repeat until a pass drops nothing."""
    cur = list(cmds)
    for end in range(1, len(cur) + 1):
        if reproduces(cur[:end], sig, cfg):
            cur = cur[:end]
            break
    changed = True
    while changed:
        changed = False
        i = 0
        while i < len(cur) - 1:
            trial = cur[:i] + cur[i + 1:]
            if reproduces(trial, sig, cfg):
                cur = trial
                changed = True
            else:
                i += 1
    return cur
