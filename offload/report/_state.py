"""Snapshots of offload state after a step, for the HTML report's state panels.

A :class:`Snapshot` is plain data (picklable, comparable): every cls_bpf filter with its
flags and ``in_hw_count``, every block's ``offloadcnt``, and what each port's hardware
holds — the simulated NIC's slots, or a plugin's ``offload_holdings(cb_priv)`` answer for
callbacks bound to a block. :class:`Recorder` takes one after each step of a run.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from core.events import prog_label
from core.flags import (
    TCA_CLS_FLAGS_IN_HW,
    TCA_CLS_FLAGS_NOT_IN_HW,
    TCA_CLS_FLAGS_SKIP_HW,
    TCA_CLS_FLAGS_SKIP_SW,
)
from offload.invariants import holdings_of

if TYPE_CHECKING:
    from offload.emulator import Emulator

_FLAG_NAMES = ((TCA_CLS_FLAGS_SKIP_HW, "skip_hw"), (TCA_CLS_FLAGS_SKIP_SW, "skip_sw"),
               (TCA_CLS_FLAGS_IN_HW, "in_hw"), (TCA_CLS_FLAGS_NOT_IN_HW, "not_in_hw"))


def prog_name(p: Any) -> str:
    """The label bus events use for the program (:func:`core.events.prog_label`)."""
    return prog_label(p) or "?"


@attrs.frozen
class FilterState:
    block: str
    prio: int
    handle: int
    prog: str
    flags: tuple[str, ...]
    in_hw_count: int

    @property
    def in_hw(self) -> bool:
        return "in_hw" in self.flags


@attrs.frozen
class Snapshot:
    """The offload state after one step."""

    filters: tuple[FilterState, ...] = ()
    offloadcnt: tuple[tuple[str, int], ...] = ()
    ports: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def holds_anything(self) -> bool:
        return any(held for _, held in self.ports)


def snapshot(emu: Emulator) -> Snapshot:
    """What the kernel believes and what the hardware holds, right now."""
    filters = []
    counts = []
    ports: dict[str, tuple[str, ...]] = {}
    for drv in emu.nsim.devices.values():
        for p in drv.ports:
            if p.netdev.driver is drv:
                ports[p.netdev.name] = tuple(prog_name(s.prog) for s in p.hw.tc_slots())
    for block in emu.blocks():
        counts.append((block.label(), block.offloadcnt))
        for cb in block.cb_list:
            held = holdings_of(cb)
            if held is not None:
                ports.setdefault(_port_of(cb), tuple(prog_name(p) for p in held))
        for tp in block.iter_tps():
            if tp.kind != "bpf":
                continue
            for f in tp.ops.walk():
                flags = tuple(n for bit, n in _FLAG_NAMES if f.gen_flags & bit)
                filters.append(FilterState(block.label(), tp.prio, f.handle, prog_name(f.prog),
                                           flags, f.in_hw_count))
    return Snapshot(tuple(filters), tuple(counts), tuple(sorted(ports.items())))


def _port_of(cb: Any) -> str:
    """``driver:eth0`` -> ``eth0`` (the owner names the driver and the port)."""
    return str(cb.owner).rpartition(":")[2] or str(cb.owner)


@attrs.define
class Recorder:
    """Takes a :class:`Snapshot` after each step: ``rec.take(emu)`` once per command."""

    snapshots: list[Snapshot] = attrs.field(factory=list)

    def take(self, emu: Emulator) -> Snapshot:
        snap = snapshot(emu)
        self.snapshots.append(snap)
        return snap
