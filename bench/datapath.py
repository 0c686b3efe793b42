"""Datapath: packets/s through our BPF engine vs the host kernel's BPF_PROG_TEST_RUN, for the
three programs of :mod:`bench.bpf_engine` (which does the measuring; this only tabulates)."""

from __future__ import annotations

import shutil

from bench import bpf_engine
from bench._common import Config, Section, Target, fmt_rate, fmt_ratio, ratio

GOAL_SLOWDOWN = 10.0


def run(cfg: Config) -> Section:
    sec = Section("datapath", "Datapath: BPF engine vs BPF_PROG_TEST_RUN, packets/s")
    if shutil.which("clang") is None:
        sec.notes.append("skipped: clang not installed (the programs are built from "
                         "tests/bpf/corpus)")
        return sec
    rows, reason = bpf_engine.measure(cfg.packets, cfg.repeats)
    if reason:
        sec.notes.append(f"kernel side skipped: {reason}")
    t = sec.table(f"{cfg.packets:,} runs per program, 54-byte IPv4/TCP frame",
                  ["program", "engine pkt/s", "TEST_RUN pkt/s", "kernel N x faster",
                   "1 TEST_RUN per pkt", "that N x faster"])
    for label, ours, kern, calls in rows:
        t.add(label, fmt_rate(ours), fmt_rate(kern), fmt_ratio(ratio(kern, ours)),
              fmt_rate(calls), fmt_ratio(ratio(calls, ours)))
        sec.targets.append(Target(f"engine slowdown vs TEST_RUN, {label}", ratio(kern, ours),
                                  GOAL_SLOWDOWN, "x", higher=False))
    sec.notes.append("TEST_RUN pkt/s is 1e9 / the per-run duration BPF_PROG_TEST_RUN reports "
                     "with repeat=N (JIT-ed code, no syscall per packet; the kernel rounds "
                     "to whole ns). '1 TEST_RUN per pkt' is one repeat=1 syscall per packet, "
                     "wall clock from Python. The engine is wall clock per "
                     "BpfProgram.run(skb), the __sk_buff image included.")
    return sec
