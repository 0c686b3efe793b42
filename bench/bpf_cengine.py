"""Benchmark: the compiled C core vs the Python engine vs the kernel, packets per second.

The three programs of ``bench.bpf_engine`` (trivial, Ethernet/IPv4/TCP parser, hash-map
lookup+update), one IPv4/TCP frame. Columns:

- ``C repeat``: :func:`hwsim.bpf.cengine.run_repeat` — the program runs N times in one C
  loop on the same packet and context, like ``BPF_PROG_TEST_RUN(repeat=N)``;
- ``kernel``: ``BPF_PROG_TEST_RUN(repeat=N)`` (its own per-run figure; JITed);
- ``C run(skb)`` / ``Py run(skb)``: ``BpfProgram.run(skb)`` called from Python, one packet
  per call (``__sk_buff`` fill and write-back included) — the emulator's datapath cost.

Our loops are timed in thread CPU time (``CLOCK_THREAD_CPUTIME_ID`` / ``time.thread_time``)
so that time spent preempted on a loaded machine is not counted; the kernel's timer
likewise stops while the task is rescheduled. ``python -m bench.bpf_cengine [-n N]``.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from core.skb import SkBuff
from hwsim import kbpf, packet
from hwsim.bpf import ProgramTable, cengine
from hwsim.bpf.program import BpfProgram

Row = tuple[str, float | None, float | None, float | None, float]


def _per_packet_ns(prog: BpfProgram, frame: bytes, n: int) -> float:
    skb = SkBuff.from_bytes(frame, ifindex=1)
    run = prog.run
    for _ in range(min(n, 1000)):
        run(skb)
    t0 = time.thread_time_ns()
    for _ in range(n):
        run(skb)
    return (time.thread_time_ns() - t0) / n


def measure(n: int = 100_000, per_packet: int = 20_000) -> tuple[list[Row], str | None]:
    """[(program, C repeat ns, kernel ns, C run(skb) ns, Python run(skb) ns)] and why the
    kernel column is empty (None: it is not)."""
    from bench.bpf_engine import PROGRAMS, _compile, _kernel_pps

    reason = kbpf.unavailable_reason()
    frame = packet.ipv4("tcp", dport=443)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        for label, stem in PROGRAMS.items():
            path = _compile(stem, Path(tmp))
            c_rep = c_pkt = None
            if cengine.available():
                c_rep = cengine.run_repeat(ProgramTable(engine="c").load_object(path),
                                           frame, n)[1]
                c_pkt = _per_packet_ns(ProgramTable(engine="c").load_object(path), frame,
                                       per_packet)
            py_pkt = _per_packet_ns(ProgramTable(engine="python").load_object(path), frame,
                                    per_packet)
            kern = None if reason else 1e9 / _kernel_pps(path, frame, n)
            rows.append((label, c_rep, kern, c_pkt, py_pkt))
    return rows, reason


def _pps(ns: float | None) -> str:
    return f"{1e9 / ns:>14,.0f}" if ns else f"{'-':>14}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=100_000, help="repeat count (C loop, kernel)")
    ap.add_argument("--per-packet", type=int, default=20_000,
                    help="run(skb) calls from Python per engine")
    args = ap.parse_args(argv)
    if shutil.which("clang") is None:
        print("bpf_cengine: clang not installed; skipping")
        return 0
    why = cengine.unavailable_reason()
    print(f"BPF engines, packets/s (repeat={args.n}; run(skb) x {args.per_packet})"
          + (f"; C core unavailable: {why}" if why else ""))
    rows, reason = measure(args.n, args.per_packet)
    if reason:
        print(f"  kernel side skipped: {reason}")
    print(f"  {'program':<22}{'C repeat':>14}{'kernel':>14}{'kernel/C':>10}"
          f"{'C run(skb)':>14}{'Py run(skb)':>14}{'C/Py':>7}")
    for label, c_rep, kern, c_pkt, py_pkt in rows:
        ratio = f"{c_rep / kern:>9.1f}x" if c_rep and kern else f"{'-':>10}"
        gain = f"{py_pkt / c_pkt:>6.1f}x" if c_pkt else f"{'-':>7}"
        print(f"  {label:<22}{_pps(c_rep)}{_pps(kern)}{ratio}{_pps(c_pkt)}{_pps(py_pkt)}{gain}")
    print("  (ns per packet = 1e9 / packets/s; ours in thread CPU time)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
