"""A compact text timeline of an emulator's bus events, for failure reports.

One line per user step (the command as typed), then one indented line per callback the
step caused: sequence number, the core operation (add, replace, rollback, replay-add, ...),
the callback's owner, the command and programs, the answer and the extack.
"""

from __future__ import annotations

from typing import Any

from core.errors import errno_text


def _ret(ret: int) -> str:
    return errno_text(ret)


def _event_line(e: Any) -> str:
    cmd = str(e.command).removeprefix("TC_CLSBPF_").removeprefix("FLOW_BLOCK_")
    progs = f"prog={e.prog or '-'} oldprog={e.oldprog or '-'}"
    where = f" chain {e.chain} prio {e.prio}" if e.prio is not None else ""
    tail = f"  \"{e.extack}\"" if e.extack else ""
    if e.raised:
        tail += f"  driver error: {e.raised}"
    if getattr(e, "injected", None):
        tail += f"  [injected: {e.injected}]"
    depth = f" depth {e.depth}" if e.depth else ""
    return (f"  #{e.seq:<3} {e.op:<13} {e.owner:<19} {cmd:<8} {progs}{where}{depth}"
            f"  = {_ret(e.ret)}{tail}")


def render_timeline(log: Any, last_steps: int | None = None, max_events: int = 400) -> str:
    """The timeline of an :class:`core.events.EventLog` (the last ``last_steps`` steps)."""
    steps = {s.step: s.text for s in log.steps}
    first = -1 if last_steps is None else max(0, log.step - last_steps)
    lines: list[str] = []
    current: int | None = None
    events = [e for e in log.events if e.step > first]
    shown = events[-max_events:]
    if len(shown) < len(events):
        lines.append(f"... {len(events) - len(shown)} earlier events not shown")
    by_step: dict[int, list[Any]] = {}
    for e in shown:
        by_step.setdefault(e.step, []).append(e)
    for step in sorted({*by_step, *(s for s in steps if s > first)}):
        if step != current:
            current = step
            text = steps.get(step, "(before the first step)")
            lines.append(f"step {step}: {text}" if step else text)
        evs = by_step.get(step, [])
        if not evs:
            lines.append("  (no bus events)")
        lines.extend(_event_line(e) for e in evs)
    for f in log.findings:
        lines.append(f"finding at step {f.step}: {f.kind}: {f.message}")
    return "\n".join(lines) if lines else "(no steps and no bus events)"
