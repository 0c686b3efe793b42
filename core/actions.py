"""Filter actions and their statistics (``struct tcf_exts``), reduced to what cls_bpf needs.

Mirrors net/sched/act_api.c and act_gact.c for the generic action: an ordered list of
actions, each with an index and software/hardware counters. ``tcf_exts_exec`` runs them;
``tcf_exts_stats_update`` is how an offloading driver reports hardware counters.
"""

from __future__ import annotations

import attrs

TC_ACT_UNSPEC = -1
TC_ACT_OK = 0
TC_ACT_RECLASSIFY = 1
TC_ACT_SHOT = 2
TC_ACT_PIPE = 3
TC_ACT_STOLEN = 4
TC_ACT_QUEUED = 5
TC_ACT_REPEAT = 6
TC_ACT_REDIRECT = 7
TC_ACT_TRAP = 8

#: iproute2's names for gact control actions (``action_n2a``).
GACT_NAMES = {
    "ok": TC_ACT_OK,
    "pass": TC_ACT_OK,
    "reclassify": TC_ACT_RECLASSIFY,
    "drop": TC_ACT_SHOT,
    "shot": TC_ACT_SHOT,
    "pipe": TC_ACT_PIPE,
    "continue": TC_ACT_UNSPEC,
    "stolen": TC_ACT_STOLEN,
    "trap": TC_ACT_TRAP,
}
ACTION_N2A = {
    TC_ACT_UNSPEC: "continue",
    TC_ACT_OK: "pass",
    TC_ACT_RECLASSIFY: "reclassify",
    TC_ACT_SHOT: "drop",
    TC_ACT_PIPE: "pipe",
    TC_ACT_STOLEN: "stolen",
    TC_ACT_TRAP: "trap",
    TC_ACT_REDIRECT: "redirect",
}


@attrs.define
class Stats:
    """``struct gnet_stats_basic`` + ``gnet_stats_queue`` subset, software and hardware."""

    bytes: int = 0
    packets: int = 0
    drops: int = 0
    overlimits: int = 0
    hw_bytes: int = 0
    hw_packets: int = 0
    lastuse: int = 0


#: ``TCA_ACT_FLAGS_SKIP_HW`` / ``TCA_ACT_FLAGS_SKIP_SW`` (include/uapi/linux/pkt_cls.h)
TCA_ACT_FLAGS_SKIP_HW = 1 << 1
TCA_ACT_FLAGS_SKIP_SW = 1 << 2


def tc_act_flags_mismatch(act_flags: int, fl_flags: int) -> bool:
    """``tcf_action_init()`` for an action a classifier creates: its own skip_sw/skip_hw
    must be the filter's (``fl_flags``, TCA_CLS_FLAGS_SKIP_HW=1 / SKIP_SW=2)."""
    return bool((act_flags & TCA_ACT_FLAGS_SKIP_SW and not fl_flags & 2)
                or (act_flags & TCA_ACT_FLAGS_SKIP_HW and not fl_flags & 1))


@attrs.define(eq=False)
class GactAction:
    """``struct tcf_gact``: a generic control action (``action gact drop``)."""

    control: int
    index: int
    kind: str = "gact"
    ref: int = 1
    bind: int = 1
    stats: Stats = attrs.field(factory=Stats)

    def act(self, nbytes: int) -> int:
        """Mirrors ``tcf_gact_act()`` without the random part."""
        self.stats.bytes += nbytes
        self.stats.packets += 1
        if self.control == TC_ACT_SHOT:
            self.stats.drops += 1
        return self.control


@attrs.define(eq=False)
class TcfExts:
    """``struct tcf_exts``: the filter's actions."""

    actions: list[GactAction] = attrs.field(factory=list)

    def exec(self, nbytes: int) -> int:
        """Mirrors ``tcf_exts_exec()``/``tcf_action_exec()``: TC_ACT_OK when there are none."""
        ret = TC_ACT_OK
        for a in self.actions:
            ret = a.act(nbytes)
            if ret == TC_ACT_PIPE:
                continue
            if ret != TC_ACT_UNSPEC:
                return ret
        return TC_ACT_OK if ret in (TC_ACT_PIPE, TC_ACT_UNSPEC) else ret

    def stats_update(self, bytes_: int, packets: int, drops: int, lastuse: int) -> None:
        """Mirrors ``tcf_exts_stats_update()``: counters go to every action, marked hw."""
        for a in self.actions:
            a.stats.bytes += bytes_
            a.stats.packets += packets
            a.stats.drops += drops
            a.stats.hw_bytes += bytes_
            a.stats.hw_packets += packets
            a.stats.lastuse = max(a.stats.lastuse, lastuse)
