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
    _repeat_loop(sec, cfg)
    sec.notes.append("TEST_RUN pkt/s is 1e9 / the per-run duration BPF_PROG_TEST_RUN reports "
                     "with repeat=N (JIT-ed code, no syscall per packet; the kernel rounds "
                     "to whole ns). '1 TEST_RUN per pkt' is one repeat=1 syscall per packet, "
                     "wall clock from Python. The engines are wall clock per "
                     "BpfProgram.run(skb), the __sk_buff image included; 'kernel N x faster' "
                     "uses the faster engine (C: hwsim.bpf.cengine, when it compiles here).")
    return sec


def _repeat_loop(sec: Section, cfg: Config) -> None:
    """Like for like: the C core's own repeat loop (:func:`hwsim.bpf.cengine.run_repeat`)
    against ``BPF_PROG_TEST_RUN(repeat=N)``, same program and packet. This is what the
    target is measured on; the per-packet table above is the emulator's datapath cost."""
    from bench import bpf_cengine
    from hwsim.bpf import cengine

    if not cengine.available():
        sec.notes.append(f"repeat loop skipped: the C core is unavailable "
                         f"({cengine.unavailable_reason()})")
        return
    rows, _ = bpf_cengine.measure(cfg.packets, min(cfg.packets, 2_000))
    t = sec.table("repeat loop, like for like: C core run_repeat vs TEST_RUN(repeat=N)",
                  ["program", "C run_repeat pkt/s", "TEST_RUN pkt/s", "kernel N x faster"])
    for label, c_rep, kern, _c_pkt, _py_pkt in rows:
        c_pps = 1e9 / c_rep if c_rep else 0.0
        k_pps = 1e9 / kern if kern else 0.0
        t.add(label, fmt_rate(c_pps), fmt_rate(k_pps), fmt_ratio(ratio(k_pps, c_pps)))
        sec.targets.append(Target(f"engine slowdown vs TEST_RUN (repeat loop), {label}",
                                  ratio(k_pps, c_pps), GOAL_SLOWDOWN, "x", higher=False))
