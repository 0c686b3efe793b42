"""Benchmark: our BPF engine vs the host kernel's BPF_PROG_TEST_RUN, packets per second.

Three programs from the test corpus (tests/bpf/corpus): a trivial ``return TC_ACT_OK``,
an Ethernet/IPv4/TCP parser, and a hash-map lookup+update. For each we time N runs of
``BpfProgram.run(skb)`` (including building the ``__sk_buff`` image and writing it back)
and, when bpf(2) works here, ``BPF_PROG_TEST_RUN(repeat=N)`` (kernel-reported per-run
duration). Run with ``python -m bench.bpf_engine [-n N]``; ``main()`` is the entry point,
``measure()`` what ``python -m bench`` (bench/datapath.py) calls.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from core.skb import SkBuff
from hwsim import kbpf, packet
from hwsim.bpf import BpfLoadError, ProgramTable, read_object
from hwsim.bpf.kernel import load_in_kernel

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "bpf" / "corpus"
PROGRAMS = {"trivial": "pass", "eth/ipv4/tcp parser": "ipv4_tcp_parse",
            "hash-map lookup": "hash_count"}


def _compile(stem: str, outdir: Path) -> Path:
    out = outdir / f"{stem}.o"
    cmd = ["clang", "-O2", "-g", "-target", "bpf", "-I/usr/include/x86_64-linux-gnu", "-c",
           str(CORPUS / f"{stem}.c"), "-o", str(out)]
    subprocess.run(cmd, check=True, capture_output=True, cwd=CORPUS)
    return out


def _ours_pps(path: Path, frame: bytes, n: int, engine: str = "python") -> float | None:
    """pkt/s of our ``engine`` ("python", or "c": hwsim.bpf.cengine); None if unavailable."""
    try:
        prog = ProgramTable(engine=engine).load_object(path)
    except BpfLoadError:
        return None
    skb = SkBuff.from_bytes(frame, ifindex=1)
    run = prog.run
    for _ in range(min(n, 1000)):
        run(skb)
    t0 = time.perf_counter()
    for _ in range(n):
        run(skb)
    return n / (time.perf_counter() - t0)


def _kernel_pps(path: Path, frame: bytes, n: int) -> float | None:
    obj = read_object(path)
    with load_in_kernel(obj, obj.program()) as kp:
        res = kbpf.prog_test_run(kp.fd, frame, repeat=n)
    return 1e9 / max(res.duration_ns, 1)


def _kernel_call_pps(path: Path, frame: bytes, n: int) -> float:
    """One BPF_PROG_TEST_RUN (repeat=1) per packet, wall clock from Python: what testing a
    packet at a time against the kernel costs (the syscall and the binding included)."""
    obj = read_object(path)
    with load_in_kernel(obj, obj.program()) as kp:
        fd = kp.fd
        t0 = time.perf_counter()
        for _ in range(n):
            kbpf.prog_test_run(fd, frame, repeat=1)
        return n / (time.perf_counter() - t0)


Row = tuple[str, float, float | None, float | None, float | None]


def measure(n: int, repeats: int = 1) -> tuple[list[Row], str | None]:
    """[(program, python engine pkt/s, C engine pkt/s or None, kernel pkt/s, kernel
    one-call-per-packet pkt/s)], and why the kernel side was skipped (then both kernel
    figures are None).

    The repeats of the two sides are interleaved and each side's median is kept."""
    reason = kbpf.unavailable_reason()
    frame = packet.ipv4("tcp", dport=443)
    out: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        for label, stem in PROGRAMS.items():
            path = _compile(stem, Path(tmp))
            ours: list[float] = []
            cen: list[float] = []
            kern: list[float] = []
            calls: list[float] = []
            for _ in range(max(1, repeats)):
                ours.append(_ours_pps(path, frame, n) or 0.0)
                c = _ours_pps(path, frame, n, "c")
                if c is not None:
                    cen.append(c)
                if not reason:
                    kern.append(_kernel_pps(path, frame, n))
                    calls.append(_kernel_call_pps(path, frame, min(n, 20_000)))
            out.append((label, statistics.median(ours),
                        statistics.median(cen) if cen else None,
                        statistics.median(kern) if kern else None,
                        statistics.median(calls) if calls else None))
    return out, reason


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=200_000, help="runs per program")
    args = ap.parse_args(argv)
    if shutil.which("clang") is None:
        print("bpf_engine: clang not installed; skipping")
        return 0
    frame = packet.ipv4("tcp", dport=443)
    print(f"BPF engine benchmark, {args.n} runs per program, {len(frame)}-byte IPv4/TCP frame")
    rows, reason = measure(args.n)
    if reason:
        print(f"  kernel side skipped: {reason}")
    print(f"  {'program':<22}{'ours pkt/s':>14}{'kernel pkt/s':>16}{'kernel/ours':>13}")
    for label, py, c, kern, _calls in rows:
        ours = max(py, c or 0.0)
        ratio = f"{kern / ours:>12.0f}x" if kern else f"{'-':>13}"
        kcol = f"{kern:>16,.0f}" if kern else f"{'-':>16}"
        print(f"  {label:<22}{ours:>14,.0f}{kcol}{ratio}")
    print(f"  (python {sys.version.split()[0]}, pid {os.getpid()})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
