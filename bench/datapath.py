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
                  ["program", "python engine", "C engine", "TEST_RUN pkt/s",
                   "kernel N x faster", "1 TEST_RUN per pkt", "that N x faster"])
    for label, py, c, kern, calls in rows:
        best = max(py, c or 0.0)
        t.add(label, fmt_rate(py), fmt_rate(c), fmt_rate(kern), fmt_ratio(ratio(kern, best)),
              fmt_rate(calls), fmt_ratio(ratio(calls, best)))
        sec.targets.append(Target(f"engine slowdown vs TEST_RUN, {label}", ratio(kern, best),
                                  GOAL_SLOWDOWN, "x", higher=False))
    sec.notes.append("TEST_RUN pkt/s is 1e9 / the per-run duration BPF_PROG_TEST_RUN reports "
                     "with repeat=N (JIT-ed code, no syscall per packet; the kernel rounds "
                     "to whole ns). '1 TEST_RUN per pkt' is one repeat=1 syscall per packet, "
                     "wall clock from Python. The engines are wall clock per "
                     "BpfProgram.run(skb), the __sk_buff image included; 'kernel N x faster' "
                     "uses the faster engine (C: hwsim.bpf.cengine, when it compiles here).")
    return sec
