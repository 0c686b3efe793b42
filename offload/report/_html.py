"""One self-contained HTML report of a run: a sequence diagram of the callback bus.

Lanes: the core (cls_api/cls_bpf) and one per callback owner (driver:port). Each bus
event is a row: the request (operation, command, prog/oldprog) as an arrow from the core
to the callback, and the answer (ret, extack, a raised exception) at its head. Rollback
requests are highlighted, replay/unroll/unbind/bind marked in their own colours, and each
step ends with the state after it (IN_HW, in_hw_count per filter, offloadcnt, what each
port holds) and the invariant violations found there. Inline CSS/JS/SVG only.

API (used by ``offload run --report`` and ``offload explore --report``)::

    write_report(path, emu, steps_entries, violations=(), *, snapshots=None,
                 title="offload run", about="") -> Path
    write_explore_report(path, result) -> Path
    report_script(path, commands, profile="v6.1", nic="netdevsim") -> Path
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from core.errors import errno_text
from core.events import BusEvent
from offload.invariants import Violation
from offload.report._assets import CSS, JS
from offload.report._state import Snapshot, snapshot
from offload.transcript import Entry

if TYPE_CHECKING:
    from offload.emulator import Emulator
    from offload.explore import ExploreResult
    from offload.script import Command

LANE = 200  # px per lane
ROW = 40  # px per bus event row
CORE = "core (tc / cls_bpf)"


@attrs.frozen
class ReportStep:
    """One command of a run as the report shows it."""

    n: int
    cmd: str
    rc: int
    stdout: str
    stderr: str
    events: tuple[BusEvent, ...]
    violations: tuple[Violation, ...]
    state: Snapshot | None


@attrs.frozen
class ReportRun:
    title: str
    about: str
    profile: str
    lanes: tuple[str, ...]
    steps: tuple[ReportStep, ...]


def build_run(emu: Emulator, steps_entries: Sequence[Entry],
              violations: Sequence[Violation] = (), *,
              snapshots: Sequence[Snapshot] | None = None,
              title: str = "offload run", about: str = "") -> ReportRun:
    """Pair each entry with its event-log step (entry ``i`` is step ``i + 1``, as the
    runner's session numbers them). Without ``snapshots`` only the last step shows a
    state (the emulator's current one)."""
    log = emu.log
    lanes: list[str] = []
    for e in log.events:
        if e.owner not in lanes:
            lanes.append(e.owner)
    steps = []
    for i, entry in enumerate(steps_entries):
        n = i + 1
        state = snapshots[i] if snapshots is not None and i < len(snapshots) else None
        if snapshots is None and i == len(steps_entries) - 1:
            state = snapshot(emu)
        steps.append(ReportStep(n, entry.cmd, entry.rc, entry.stdout, entry.stderr,
                                tuple(log.events_of_step(n)),
                                tuple(v for v in violations if v.step == n), state))
    return ReportRun(title, about, emu.profile.name, tuple(lanes), tuple(steps))


# -- rendering -------------------------------------------------------------------------------

def _e(s: object) -> str:
    return html.escape(str(s), quote=True)


def _lane_x(i: int) -> int:
    return i * LANE + LANE // 2


def _event_class(e: BusEvent) -> str:
    if e.op == "rollback":
        return "rollback"
    if e.op.startswith("replay") or e.op in ("unroll", "unbind"):
        return "replay"
    if e.setup_type == "TC_SETUP_BLOCK" or e.op == "bind":
        return "bind"
    if e.command == "TC_CLSBPF_STATS":
        return "stats"
    return "req"


def _request_text(e: BusEvent) -> str:
    op = e.op + (f" (depth {e.depth})" if e.depth else "")
    if e.setup_type == "TC_SETUP_BLOCK":
        return f"{op} · {e.command}"
    cmd = e.command.removeprefix("TC_CLSBPF_")
    return f"{op} · {cmd} prog={e.prog or '∅'} oldprog={e.oldprog or '∅'}"


def _answer_text(e: BusEvent) -> tuple[str, str]:
    mark = f" [injected: {e.injected}]" if e.injected else ""
    if e.raised:
        return f"{errno_text(e.ret)} driver error: {e.raised}{mark}", "err"
    if e.ret:
        msg = f" “{e.extack}”" if e.extack else ""
        return f"{errno_text(e.ret)}{msg}{mark}", "err"
    return "0" + mark, "ok"


def _event_row(e: BusEvent, lanes: Sequence[str]) -> str:
    width = LANE * (len(lanes) + 1)
    target = lanes.index(e.owner) + 1 if e.owner in lanes else 1
    x0, x1 = _lane_x(0), _lane_x(target)
    cls = _event_class(e)
    parts = [f'<svg class="ev" width="{width}" height="{ROW}" overflow="visible" '
             f'data-op="{_e(e.op)}" data-owner="{_e(e.owner)}" data-seq="{e.seq}">']
    if cls == "rollback":
        parts.append(f'<rect class="rbband" x="0" y="0" width="{width}" height="{ROW}"/>')
    for i in range(len(lanes) + 1):
        parts.append(f'<line class="lifeline" x1="{_lane_x(i)}" y1="0" x2="{_lane_x(i)}" '
                     f'y2="{ROW}"/>')
    y = 17
    parts.append(f'<line class="arrow {cls}" x1="{x0}" y1="{y}" x2="{x1 - 6}" y2="{y}"/>')
    parts.append(f'<polygon class="head {cls}" '
                 f'points="{x1},{y} {x1 - 8},{y - 4} {x1 - 8},{y + 4}"/>')
    parts.append(f'<text class="lbl {cls}" x="{x0 + 6}" y="{y - 5}">#{e.seq} '
                 f'{_e(_request_text(e))}</text>')
    ans, acls = _answer_text(e)
    parts.append(f'<text class="ans {acls}" x="{x0 + 6}" y="{y + 15}">⟵ {_e(ans)}</text>')
    parts.append("</svg>")
    row_cls = f"evrow ev-{cls}" + (" ev-stats" if cls == "stats" else "")
    return f'<div class="{row_cls}">{"".join(parts)}</div>'


def _state_html(state: Snapshot | None, previous: Snapshot | None = None) -> str:
    if state is None:
        return '<div class="state"><i>state not recorded for this step</i></div>'
    if previous is not None and state == previous:
        return '<div class="state same">unchanged</div>'
    out = ['<div class="state">']
    if state.filters:
        out.append("<table><tr><th>filter</th><th>prog</th><th>flags</th>"
                   "<th>in_hw_count</th></tr>")
        for f in state.filters:
            flags = "".join(f'<span class="flag {_e(x)}">{_e(x)}</span>' for x in f.flags)
            count = f.in_hw_count if f.in_hw_count < 0x80000000 else \
                f"{f.in_hw_count} (wrapped)"
            out.append(f"<tr><td>{_e(f.block)} pref {f.prio} handle 0x{f.handle:x}</td>"
                       f"<td>{_e(f.prog)}</td><td>{flags}</td><td>{_e(count)}</td></tr>")
        out.append("</table>")
    else:
        out.append("<div>no cls_bpf filters</div>")
    if state.offloadcnt:
        out.append("<div>offloadcnt: " + ", ".join(
            f"{_e(b)}={c}" for b, c in state.offloadcnt) + "</div>")
    if state.ports:
        out.append("<div>hardware: " + "; ".join(
            f"<b>{_e(p)}</b> holds {_e(', '.join(h) or 'nothing')}" for p, h in state.ports)
            + "</div>")
    out.append("</div>")
    return "".join(out)


def _violation_html(v: Violation) -> str:
    return (f'<div class="violation" data-invariant="{_e(v.invariant)}">⚠ <b>{_e(v.invariant)}'
            f"</b> at {_e(v.where)}: {_e(v.detail)} — <span class=\"blame {_e(v.blame)}\">"
            f"{_e(v.blame)}</span>{_e(v.cause)}{_holdings_html(v)}</div>")


def _holdings_html(v: Violation) -> str:
    """The offending callback's hardware before and after it, side by side."""
    if v.held_before is None or v.held_after is None:
        return ""
    rows = "".join(f"<tr><td>{_e(a)}</td><td>{_e(b)}</td></tr>"
                   for a, b in v.holdings_rows() or [("(nothing)", "(nothing)")])
    return (f'<table class="held"><caption>{_e(v.callback or "")}</caption>'
            f"<tr><th>held before</th><th>held after</th></tr>{rows}</table>")


def _step_html(s: ReportStep, lanes: Sequence[str], previous: Snapshot | None) -> str:
    fault = s.cmd.startswith("fault ")
    rc = f'<span class="rc">[rc={s.rc}]</span>' if s.rc else ""
    left = [f'<div class="cmd{" fault" if fault else ""}"><span class="n">{s.n}</span>$ '
            f"{_e(s.cmd)}{rc}</div>"]
    if s.stdout.strip():
        left.append(f'<div class="out">{_e(s.stdout.rstrip())}</div>')
    if s.stderr.strip():
        left.append(f'<div class="out err">{_e(s.stderr.rstrip())}</div>')
    left += [_event_row(e, lanes) for e in s.events]
    left += [_violation_html(v) for v in s.violations]
    width = LANE * (len(lanes) + 1)
    bad = " bad" if s.violations else ""
    return (f'<section class="step{bad}" data-step="{s.n}"><div class="diagram" '
            f'style="width:{width}px">{"".join(left)}</div>{_state_html(s.state, previous)}'
            "</section>")


def _legend() -> str:
    items = (("var(--core)", "request"), ("var(--rb)", "rollback"),
             ("var(--replay)", "replay / unroll / unbind"), ("var(--bind)", "bind"),
             ("#94a3b8", "stats"))
    return '<div class="legend">' + "".join(
        f'<span><i class="sw" style="background:{c}"></i>{t}</span>' for c, t in items) + \
        "</div>"


def _run_html(run: ReportRun, idx: int, extra: str = "") -> str:
    lanes = "".join(f'<div class="lane" title="{_e(x)}">{_e(x)}</div>' for x in run.lanes)
    head = (f'<div class="lanes"><div class="lane core">{_e(CORE)}</div>{lanes}'
            f'<div class="state-h">state after the step</div></div>')
    controls = (f'<div class="controls"><label><input type="checkbox" class="toggle-stats" '
                f'checked> hide STATS requests</label> {_legend()}</div>')
    about = f'<div class="about">{_e(run.about)}</div>' if run.about else ""
    steps = "".join(_step_html(s, run.lanes, run.steps[i - 1].state if i else None)
                    for i, s in enumerate(run.steps))
    return (f'<article class="run" id="run-{idx}" data-profile="{_e(run.profile)}">'
            f"<h2>{_e(run.title)} <small>(profile {_e(run.profile)})</small></h2>{about}"
            f"{extra}{controls}{head}{steps}</article>")


def render_html(runs: Sequence[ReportRun], title: str, meta: str = "",
                preamble: str = "", extras: Sequence[str] = ()) -> str:
    """The whole document."""
    body = "".join(_run_html(r, i, extras[i] if i < len(extras) else "")
                   for i, r in enumerate(runs))
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            f"<title>{_e(title)}</title><style>{CSS}</style></head><body>"
            f'<header class="top"><h1>{_e(title)}</h1><div class="meta">{_e(meta)}</div>'
            f"</header><main>{preamble}{body}</main><script>{JS}</script></body></html>")


def write_report(path: str | Path, emu: Emulator, steps_entries: Sequence[Entry],
                 violations: Sequence[Violation] = (), *,
                 snapshots: Sequence[Snapshot] | None = None,
                 title: str = "offload run", about: str = "") -> Path:
    """Write the report of one run on ``emu``: ``steps_entries[i]`` is what command ``i``
    printed (the runner's :class:`offload.transcript.Entry`), ``violations`` are
    :class:`offload.invariants.Violation` (placed by their ``step``), ``snapshots`` the
    state after each step (:class:`offload.report.Recorder`)."""
    run = build_run(emu, steps_entries, violations, snapshots=snapshots, title=title,
                    about=about)
    meta = f"profile {emu.profile.name} · {len(steps_entries)} commands · " \
           f"{len(emu.log.events)} bus events · {len(violations)} violations"
    out = Path(path)
    out.write_text(render_html([run], title, meta), encoding="utf-8")
    return out


def report_script(path: str | Path, commands: Sequence[Command], profile: str = "v6.1",
                  nic: str = "netdevsim", driver: str | None = None,
                  title: str = "offload run") -> Path:
    """Run ``commands`` on a fresh emulator with invariant checks and state snapshots,
    and write its report."""
    from offload.explore import ExploreConfig, run_commands

    run = run_commands(commands, ExploreConfig(profile=profile, nic=nic, driver=driver))
    return write_report(path, run.emu, [s.entry for s in run.steps],
                        [v for s in run.steps for v in s.new],
                        snapshots=[s.state for s in run.steps], title=title)


def _summary_table(result: ExploreResult) -> str:
    from offload.explore import summary_rows

    head = ("#", "profile", "invariant", "what", "blame", "trigger", "seen at", "cases",
            "lines")
    rows = "".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in (i, *r)) + "</tr>"
                   for i, r in enumerate(summary_rows(result), 1))
    return (f'<article class="run"><h2>Distinct violations</h2><table class="summary">'
            f"<tr>{''.join(f'<th>{h}</th>' for h in head)}</tr>{rows}</table></article>")


def write_explore_report(path: str | Path, result: ExploreResult) -> Path:
    """The report of an exploration: the summary, then each minimal reproduction run
    again with its sequence diagram."""
    from offload.explore import ExploreConfig, run_commands

    runs, extras = [], []
    for i, r in enumerate(result.reproductions, 1):
        cfg = ExploreConfig(profile=r.signature[0], nic=result.options.nic,
                            driver=result.options.driver,
                            driver_timeout=result.options.driver_timeout)
        case_run = run_commands(r.commands, cfg)
        runs.append(build_run(case_run.emu, [s.entry for s in case_run.steps],
                              [v for s in case_run.steps for v in s.new],
                              snapshots=[s.state for s in case_run.steps],
                              title=f"#{i} {r.signature[1]} — {r.signature[2]}",
                              about=f"{r.signature[3]}\nfound by: {r.case.label}"))
        extras.append(f'<pre class="repro">{_e(r.script_text())}</pre>')
    meta = (f"{result.script} · profiles {', '.join(result.options.profiles)} · "
            f"{result.cases_run} cases · {len(result.reproductions)} distinct violations")
    out = Path(path)
    out.write_text(render_html(runs, "offload explore", meta, _summary_table(result), extras),
                   encoding="utf-8")
    return out

