"""The offload invariants, checked after every step of a run, and who broke them.

Each invariant has a stable name:

``bookkeeping-matches-hardware``
    A filter has IN_HW iff at least one bound port really holds its program;
    ``in_hw_count`` equals the number of ports holding it; the block's ``offloadcnt``
    equals the number of its filters with IN_HW.
``no-leak``
    No port holds a TC program that no filter of its blocks references (after a delete,
    a failed add, an unbind, a device removal).
``skip_sw-contract``
    A skip_sw filter that exists is held by every offload-capable (hw-tc-offload on) port
    bound to its block.
``rollback-restores``
    After a failed filter add/replace, every port holds exactly what it held before.
``termination``
    Rollback depth stays bounded (the v5.2 ``cls_bpf_offload_cmd`` recursion is reported).
``flags-consistent``
    A filter that is not skip_hw shows exactly one of ``in_hw`` and ``not_in_hw`` (the kernel
    itself breaks this: quirk A).
``driver-contract``
    Every callback did what it answered: an accepted add/replace leaves the new program
    held (and the old one gone), an accepted remove leaves it gone, a refused request
    changes nothing.

Violations carry a *blame*: ``driver`` when a driver broke its contract in that step,
``injected`` when the step contained an injected hardware reset, and otherwise ``kernel``
with the cause the kernel's own rules give (quirks A/B/D, the v5.2 recursion, a failed
rollback the core does not retry, a failed remove the core ignores). That distinction is
the point: kernel behaviour is reported as kernel behaviour of the selected profile.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from core.boundary import Boundary
from core.errors import errno_text
from core.events import BusEvent
from core.flags import (
    TCA_CLS_FLAGS_IN_HW,
    TCA_CLS_FLAGS_NOT_IN_HW,
    tc_skip_hw,
    tc_skip_sw,
)
from core.offload import FlowBlockCb
from core.profile import UNBOUNDED_ROLLBACK, get_profile

if TYPE_CHECKING:
    from offload.emulator import Emulator

INVARIANTS: dict[str, str] = {
    "bookkeeping-matches-hardware": "IN_HW, in_hw_count and offloadcnt match what ports hold",
    "no-leak": "no port holds a program that no filter of its blocks references",
    "skip_sw-contract": "a skip_sw filter is held by every offload-capable bound port",
    "rollback-restores": "a failed add/replace leaves every port as it was",
    "termination": "rollback recursion is bounded",
    "flags-consistent": "a filter shows exactly one of in_hw and not_in_hw",
    "driver-contract": "each callback did what it answered",
}

BLAMES = ("kernel", "driver", "injected", "unclassified")


@attrs.frozen
class Violation:
    invariant: str
    where: str
    detail: str
    blame: str
    cause: str
    profile: str
    step: int
    #: the offending callback, when one callback is to blame: what it was asked and
    #: answered, and what its hardware held before and after (program labels)
    callback: str | None = attrs.field(default=None, eq=False)
    held_before: tuple[str, ...] | None = attrs.field(default=None, eq=False)
    held_after: tuple[str, ...] | None = attrs.field(default=None, eq=False)

    @property
    def signature(self) -> tuple[str, str, str]:
        """What makes two violations "the same" for de-duplication."""
        return (self.invariant, self.blame, self.cause)

    def __str__(self) -> str:
        return (f"[{self.invariant}] {self.where}: {self.detail} — {self.blame}: {self.cause}"
                f" (profile {self.profile}, step {self.step})")

    def holdings_table(self, width: int = 30) -> list[str]:
        """The offending callback's hardware before and after it ran, side by side
        (empty when the violation is not about one callback)."""
        if self.held_before is None or self.held_after is None:
            return []
        lines = [f"{self.callback}" if self.callback else "the callback",
                 f"  {'held before':<{width}} | held after"]
        rows = self.holdings_rows()
        if not rows:
            rows = [("(nothing)", "(nothing)")]
        lines += [f"  {a:<{width}} | {b}" for a, b in rows]
        return lines

    def holdings_rows(self) -> list[tuple[str, str]]:
        """One row per program held before or after: ``(label or "", label or "")``, so
        a program that went or came shows against an empty cell."""
        before, after = list(self.held_before or ()), list(self.held_after or ())
        order = list(dict.fromkeys([*before, *after]))
        return [(x if x in before else "", x if x in after else "") for x in order]

    def report(self) -> str:
        """The violation with its holdings table (for failure messages)."""
        return "\n".join([str(self), *("    " + x for x in self.holdings_table())])


_DEFAULT_BOUNDARY = Boundary()


def holdings_of(block_cb: FlowBlockCb, boundary: Boundary | None = None) -> tuple[Any, ...] | None:
    """The programs the hardware behind a callback holds, if its driver can tell: its
    ``offload_holdings`` hook, called through the driver boundary (a raise, a wrong type or
    an overrun gives ``None`` and is recorded on the boundary as a driver error)."""
    return (boundary or _DEFAULT_BOUNDARY).holdings(block_cb)


def _labels(held: tuple[Any, ...] | None) -> tuple[str, ...] | None:
    return None if held is None else tuple(_label(p) for p in held)


def callback_text(e: BusEvent) -> str:
    """``duonic:eth0 replace id 5 tc_pass (oldprog id 3 tc_pass) → -ENOSPC (-28)``, with
    ``[injected]`` when the answer was an injected fault's."""
    what = e.command.removeprefix("TC_CLSBPF_").lower()
    progs = " ".join(x for x in (e.prog and f"prog {e.prog}",
                                 e.oldprog and f"oldprog {e.oldprog}") if x)
    answer = errno_text(e.ret) + (" [injected]" if e.injected else "")
    if e.raised:
        answer += f" (driver error: {e.raised})"
    return f"{e.owner} {e.op} {what} {progs} → {answer}".replace("  ", " ")


def driver_of(owner: str) -> str:
    """``buggynic:eth0`` -> ``buggynic``: causes name the driver, ``where`` the port, so
    one bug on four ports is one distinct violation."""
    return owner.rpartition(":")[0] or owner


def boundary_kind(error: str) -> str:
    """The class of a driver-boundary error, without its particulars (for causes)."""
    hooks = ("offload_holdings", "ndo_", "callback")
    hook = error.split(" ", 1)[0] if error.startswith(hooks) else ""
    for key, what in (("raised", "raised"), ("returned", "returned a non-errno"),
                      ("rewrote", "rewrote the request"), ("watchdog", "overran the watchdog"),
                      ("interrupted", "was interrupted")):
        if key in error:
            kind = what
            if key == "raised":
                kind = "raised " + error.split("raised ", 1)[1].split(":", 1)[0]
            return f"{hook} {kind}".strip() if hook else f"a hook {kind}"
    return "driver error"


def _label(p: Any) -> str:
    return f"id {getattr(p, 'id', 0)} {getattr(p, 'name', '') or ''}".strip()


def contract_breaches(events: Iterable[BusEvent]) -> list[tuple[BusEvent, str]]:
    """Events whose before/after holdings contradict what the callback answered."""
    out = []
    for e in events:
        if e.setup_type != "TC_SETUP_CLSBPF" or e.held_before is None or e.held_after is None:
            continue
        if e.command != "TC_CLSBPF_OFFLOAD" or e.injected is not None:
            continue
        before, after = list(e.held_before), list(e.held_after)
        prog, old = e.prog_obj, e.oldprog_obj
        if e.ret < 0:
            if [id(x) for x in before] != [id(x) for x in after]:
                out.append((e, f"refused with {errno_text(e.ret)} but changed what it holds"))
            continue
        if prog is not None and not any(x is prog for x in after):
            out.append((e, f"accepted {_label(prog)} but does not hold it"))
        if prog is None and old is not None and any(x is old for x in after):
            out.append((e, f"acknowledged the removal of {_label(old)} but still holds it"))
    return out


@attrs.define
class InvariantChecker:
    """Checks the invariants around steps of a run on one emulator.

    Installs the hardware probe on the emulator's event log so every bus event records
    what the port held before and after it.
    """

    emu: Emulator
    _before: dict[str, tuple[Any, ...]] = attrs.field(factory=dict)
    _first_event: int = 0
    _first_finding: int = 0
    _faults_seen: int = 0
    _holding_errors_seen: int = 0

    def __attrs_post_init__(self) -> None:
        self.emu.log.probe = self.holdings  # a bound method: checkpoints copy it along

    def holdings(self, cb: FlowBlockCb) -> tuple[Any, ...] | None:
        return holdings_of(cb, self.emu.net.boundary)

    def port_holdings(self) -> dict[str, tuple[Any, ...]]:
        out = {}
        for drv in self.emu.nsim.devices.values():
            for p in drv.ports:
                out[p.netdev.name] = tuple(s.prog for s in p.hw.tc_slots())
        return out

    def before_step(self) -> None:
        self._before = self.port_holdings()
        self._first_event = self.emu.log.recorded
        self._first_finding = len(self.emu.log.findings)
        self._faults_seen = len(self.emu.faults.log)
        self._holding_errors_seen = len(self.emu.net.boundary.holdings_errors)

    def after_step(self, failed: bool = False, filter_change: bool = False) -> list[Violation]:
        log = self.emu.log
        step = log.step
        profile = self.emu.profile.name
        events = log.events_since(self._first_event)
        findings = log.findings[self._first_finding:]
        injected = self.emu.faults.log[self._faults_seen:]
        reset = any("reset" in s for s in injected)
        breaches = contract_breaches(events)
        out: list[Violation] = []

        def v(inv: str, where: str, detail: str, blame: str, cause: str,
              event: BusEvent | None = None) -> None:
            extra: dict[str, Any] = {}
            if event is not None:
                extra = {"callback": callback_text(event),
                         "held_before": _labels(event.held_before),
                         "held_after": _labels(event.held_after)}
            out.append(Violation(inv, where, detail, blame, cause, profile, step, **extra))

        for e, why in breaches:
            blame, cause = ("injected", "injected device reset") if reset else (
                "driver", f"{driver_of(e.owner)} broke the callback contract")
            v("driver-contract", e.owner, why, blame, cause, e)

        by_owner: dict[str, list[BusEvent]] = {}
        for e in events:
            by_owner.setdefault(e.owner, []).append(e)

        def blame_for(kind: str, owner: str | None = None) -> tuple[str, str]:
            mine = by_owner.get(owner, []) if owner is not None else []
            only_injected = bool(mine) and all(e.injected is not None for e in mine) and \
                not any(e.owner == owner for e, _ in breaches)
            if breaches and not only_injected:  # a port only faults answered: not the driver
                return "driver", "follows from a driver contract breach in this step"
            if reset:
                return "injected", "injected device reset: hardware dropped state silently"
            return "kernel", self._kernel_cause(kind, events, profile)

        for e in events:
            if e.raised is not None and e.injected is None:
                v("driver-contract", e.owner, f"driver error: {e.raised}", "driver",
                  f"{driver_of(e.owner)}: {boundary_kind(e.raised)}", e)
        for f in findings:
            if f.kind == UNBOUNDED_ROLLBACK:
                v("termination", "cls_bpf_offload_cmd", f.message, "kernel",
                  f"quirk C: v5.2 rolls back without bound (profile {profile})")

        for block in self.emu.blocks():
            cbs = [(cb, self.holdings(cb)) for cb in block.cb_list]
            audited = [(cb, h) for cb, h in cbs if h is not None]
            in_hw = 0
            referenced: set[int] = set()
            for tp in block.iter_tps():
                if tp.kind != "bpf":
                    continue
                for f in tp.ops.walk():
                    referenced.add(id(f.prog))
                    where = f"{block.label()} pref {tp.prio} handle 0x{f.handle:x}"
                    holders = [cb.owner for cb, h in audited if any(x is f.prog for x in h)]
                    flag = bool(f.gen_flags & TCA_CLS_FLAGS_IN_HW)
                    in_hw += flag
                    problems = []
                    if flag != bool(holders) and not tc_skip_hw(f.gen_flags):
                        problems.append(f"IN_HW={'set' if flag else 'clear'} but held by "
                                        f"{len(holders)} port(s)")
                    if f.in_hw_count != len(holders) and not tc_skip_hw(f.gen_flags):
                        problems.append(f"in_hw_count={f.in_hw_count}, held by {len(holders)}")
                    if problems:
                        v("bookkeeping-matches-hardware", where, "; ".join(problems),
                          *blame_for("bookkeeping"))
                    both = f.gen_flags & TCA_CLS_FLAGS_NOT_IN_HW and flag
                    if not tc_skip_hw(f.gen_flags) and (both or not (
                            f.gen_flags & (TCA_CLS_FLAGS_IN_HW | TCA_CLS_FLAGS_NOT_IN_HW))):
                        state = "both in_hw and not_in_hw" if both else \
                            "neither in_hw nor not_in_hw"
                        cause = (f"quirk A: {state} after a bind replay or an unbind "
                                 f"(profile {profile})")
                        blame = blame_for("flags")
                        v("flags-consistent", where, f"the dump shows {state}",
                          *(blame if blame[0] != "kernel" else ("kernel", cause)))
                    if tc_skip_sw(f.gen_flags):
                        missing = [cb.owner for cb, h in audited
                                   if self._offload_on(cb) and not any(x is f.prog for x in h)]
                        if missing:
                            v("skip_sw-contract", where, f"not held by {', '.join(missing)}",
                              *blame_for("skip_sw"))
            if block.offloadcnt != in_hw:
                v("bookkeeping-matches-hardware", block.label(),
                  f"offloadcnt={block.offloadcnt}, {in_hw} filter(s) have IN_HW",
                  *blame_for("bookkeeping"))
            for cb, h in audited:
                for p in h:
                    if id(p) not in referenced and not self._referenced_elsewhere(cb, p):
                        v("no-leak", cb.owner, f"holds {_label(p)}, used by no filter",
                          *blame_for("leak", cb.owner))
        errors = self.emu.net.boundary.holdings_errors  # offload_holdings that failed
        for owner, error in dict.fromkeys(errors[self._holding_errors_seen:]):
            v("driver-contract", owner, f"driver error: {error}", "driver",
              f"{driver_of(owner)}: {boundary_kind(error)}")
        self._holding_errors_seen = len(errors)
        if failed and filter_change:
            now = self.port_holdings()
            for port, held in self._before.items():
                after = now.get(port)
                if after is not None and [id(x) for x in after] != [id(x) for x in held]:
                    v("rollback-restores", port,
                      f"held {[_label(x) for x in held]} before, {[_label(x) for x in after]} "
                      "after the failed command", *blame_for("rollback"))
        return out

    def _offload_on(self, cb: FlowBlockCb) -> bool:
        port = cb.cb_priv
        netdev = getattr(port, "netdev", None)
        return bool(netdev is not None and netdev.tc_can_offload())

    def _referenced_elsewhere(self, cb: FlowBlockCb, prog: Any) -> bool:
        """A port bound to several blocks may hold a program of another of its blocks."""
        for block in self.emu.blocks():
            if cb not in block.cb_list:
                continue
            for tp in block.iter_tps():
                if tp.kind == "bpf" and any(f.prog is prog for f in tp.ops.walk()):
                    return True
        return False

    @staticmethod
    def _kernel_cause(kind: str, events: list[BusEvent], profile: str) -> str:
        failed_bind = any(e.op == "bind" and e.ret < 0 for e in events) or any(
            e.op == "replay-add" and e.ret < 0 for e in events)
        acked_foreign_remove = any(
            e.op == "replay-remove" and e.ret == 0 and e.held_before is not None
            and e.oldprog_obj is not None and not any(x is e.oldprog_obj for x in e.held_before)
            for e in events)
        failed_rollback = any(e.op == "rollback" and e.ret < 0 for e in events)
        failed_remove = any(e.prog is None and e.ret < 0 and e.op in ("delete", "rollback",
                                                                      "replay-remove")
                            for e in events)
        failed_unbind = any(e.op == "unbind" and e.setup_type == "TC_SETUP_BLOCK" and e.ret < 0
                            for e in events)
        if failed_unbind:
            return (f"a failed unbind: tcf_block_offload_unbind ignores the error and the "
                    f"driver's callbacks stay bound to the block (profile {profile})")
        if failed_bind and acked_foreign_remove:
            why = ""
            if any(e.op in ("bind", "replay-add") and e.ret < 0 and e.extack
                   and "bound to a different device" in e.extack for e in events):
                why = ("; the joining port refused a program bound to another device, "
                       "as 6.12's netdevsim does")
            return (f"quirk B(a): the failed bind's replay remove was acknowledged by a port "
                    f"that never held the filter{why} (profile {profile})")
        if acked_foreign_remove:
            return (f"quirk B(b): unbind replay remove acknowledged by a port that never held "
                    f"the filter (profile {profile})")
        if failed_rollback:
            guard = "rolled back once (is_rollback guard)" if get_profile(
                profile).rollback_once else "rollback kept failing"
            return f"the rollback itself failed; {guard} (profile {profile})"
        if failed_remove:
            return (f"a remove failed and the core ignores remove errors "
                    f"(tc_setup_cb_destroy, err_stop=false) (profile {profile})")
        if kind == "skip_sw":
            return f"quirk D: skip_sw filter left without hardware (profile {profile})"
        return f"kernel bookkeeping (profile {profile})"
