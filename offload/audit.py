"""Truth vs bookkeeping: compare what the kernel model believes with what hardware holds.

For every block and every cls_bpf filter on it, the hardware truth is the number of bound
ports whose hardware really holds the filter's program (asked of each driver through its
optional ``offload_holdings(cb_priv)`` hook; callbacks of drivers without the hook are not
audited and are listed as such). The bookkeeping is IN_HW, ``in_hw_count`` and the block's
``offloadcnt``. Each disagreement is listed with its kind and a cause hint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from core.flags import TCA_CLS_FLAGS_IN_HW, tc_skip_hw, tc_skip_sw

if TYPE_CHECKING:
    from core.block import Block
    from offload.emulator import Emulator


@attrs.frozen
class Discrepancy:
    kind: str
    where: str
    detail: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.where}: {self.detail}"


@attrs.frozen
class AuditReport:
    discrepancies: tuple[Discrepancy, ...]
    checked_filters: int
    unaudited: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.discrepancies and not any("driver error" in u for u in self.unaudited)

    def __str__(self) -> str:
        if self.ok:
            head = f"audit: OK ({self.checked_filters} filters, bookkeeping matches hardware)"
        else:
            head = f"audit: {len(self.discrepancies)} discrepancies"
            if not self.discrepancies:
                head = "audit: a driver's offload_holdings hook failed (driver error)"
        lines = [head, *(f"  {d}" for d in self.discrepancies)]
        for u in self.unaudited:
            why = "offload_holdings failed" if "driver error" in u else \
                "driver has no offload_holdings hook"
            lines.append(f"  not audited ({why}): {u}")
        return "\n".join(lines)


def block_holdings(block: Block) -> tuple[list[tuple[str, list[Any]]], list[str]]:
    """``(owner, programs held)`` for each audited callback bound to ``block``; the
    driver's ``offload_holdings`` is called through the driver boundary (a failing hook
    leaves its callback unaudited, with the reason)."""
    out: list[tuple[str, list[Any]]] = []
    unaudited = []
    boundary = block.net.boundary
    for cb in block.cb_list:
        hook = getattr(getattr(cb.cb, "__self__", None), "offload_holdings", None)
        if hook is None:
            unaudited.append(cb.owner)
            continue
        seen = len(boundary.holdings_errors)
        held = boundary.holdings(cb)
        if held is None:
            errors = boundary.holdings_errors[seen:]
            unaudited.append(f"{cb.owner} (driver error: {errors[-1][1]})" if errors
                             else cb.owner)
            continue
        out.append((cb.owner, list(held)))
    return out, unaudited


def audit(emu: Emulator) -> AuditReport:
    found: list[Discrepancy] = []
    unaudited: list[str] = []
    checked = 0
    referenced_by_port: dict[str, set[int]] = {}
    held_by_port: dict[str, list[Any]] = {}
    for block in emu.blocks():
        holdings, skipped = block_holdings(block)
        unaudited += skipped
        for owner, progs in holdings:
            held_by_port[owner] = progs
            referenced_by_port.setdefault(owner, set())
        in_hw = 0
        for tp in block.iter_tps():
            if tp.kind != "bpf":
                continue
            for f in tp.ops.walk():
                checked += 1
                where = f"{block.label()} pref {tp.prio} handle 0x{f.handle:x}"
                holders = [o for o, progs in holdings if any(p is f.prog for p in progs)]
                for owner, _ in holdings:
                    referenced_by_port[owner].add(id(f.prog))
                flag = bool(f.gen_flags & TCA_CLS_FLAGS_IN_HW)
                in_hw += flag
                if flag and not holders:
                    found.append(Discrepancy("in_hw-not-held", where,
                                             "IN_HW is set but no port holds the program"))
                if holders and not flag and not tc_skip_hw(f.gen_flags):
                    found.append(Discrepancy(
                        "held-not-in_hw", where,
                        f"held by {', '.join(holders)} but IN_HW is clear"))
                if f.in_hw_count != len(holders):
                    found.append(Discrepancy(
                        "count-mismatch", where,
                        f"in_hw_count={f.in_hw_count} but {len(holders)} port(s) hold it"))
                if tc_skip_sw(f.gen_flags) and not holders:
                    found.append(Discrepancy(
                        "dead-skip_sw", where,
                        "skip_sw filter runs nowhere: not in software, not in hardware"))
        if block.offloadcnt != in_hw:
            found.append(Discrepancy(
                "offloadcnt-mismatch", block.label(),
                f"offloadcnt={block.offloadcnt} but {in_hw} filter(s) have IN_HW"))
    for owner, progs in held_by_port.items():
        refs = referenced_by_port.get(owner, set())
        for p in progs:
            if id(p) not in refs:
                label = f"id {getattr(p, 'id', 0)} {getattr(p, 'name', '')}".strip()
                found.append(Discrepancy("leak", owner,
                                         f"holds {label}, which no filter of its blocks uses"))
    return AuditReport(tuple(found), checked, tuple(dict.fromkeys(unaudited)))
