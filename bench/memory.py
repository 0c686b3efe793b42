"""Memory: peak RSS of the emulator holding many filters, and of a long packet run.

Each measurement runs in a child process of its own (``python -m bench.memory WHAT N``) that
reports its peak RSS as ``VmHWM`` from ``/proc/self/status``. ``ru_maxrss`` is not used for
the child's own figure: Linux carries it across ``execve``, so a child forked from a big
benchmark process would report the parent's peak (``RUSAGE_CHILDREN`` has the same flaw);
it is kept in the JSON only. A ``baseline`` child (imports and an empty emulator) says what
the interpreter and the code alone cost.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from bench._common import Config, Section

PROJECT = Path(__file__).resolve().parent.parent


def _child(what: str, n: int) -> dict[str, float]:
    from bench.emu_tc import EmuRig

    t0 = time.perf_counter()
    extra: dict[str, float] = {}
    if what == "filters":
        r = EmuRig(1)
        r.fill(n)
        extra["events"] = float(len(getattr(r.emu.log, "events", ())))
    elif what == "packets":
        from hwsim import packet

        r = EmuRig(1)
        r.fill(1)  # one software filter runs tc_pass on every packet
        frame = packet.ipv4("udp", dport=9)
        send = r.emu.send
        send("eth0", frame)
        t1 = time.perf_counter()  # the C engine may have compiled above: not a packet cost
        for _ in range(n):
            send("eth0", frame)
        extra["pkt_per_s"] = n / (time.perf_counter() - t1)
    else:
        EmuRig(1)
    extra["seconds"] = time.perf_counter() - t0
    extra["maxrss_mb"] = vm_hwm_kb() / 1024
    extra["ru_maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return extra


def vm_hwm_kb() -> float:
    """Peak RSS of this process image (``VmHWM``, kB); ru_maxrss where /proc is missing."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return float(line.split()[1])
    except OSError:
        pass
    return float(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def measure(what: str, n: int) -> dict[str, float]:
    p = subprocess.run([sys.executable, "-m", "bench.memory", what, str(n)],
                       capture_output=True, text=True, cwd=PROJECT, timeout=1800)
    if p.returncode != 0:
        raise RuntimeError(f"bench.memory {what} {n}: {p.stderr.strip()[-500:]}")
    out = dict(json.loads(p.stdout))
    out["children_maxrss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return out


def run(cfg: Config) -> Section:
    sec = Section("memory", "Memory: peak RSS (MB) in a subprocess")
    base = measure("baseline", 0)
    t = sec.table("peak RSS", ["run", "peak RSS MB", "above baseline MB", "per item",
                               "seconds", "note"])
    t.add("baseline (imports + 1-port emulator)", f"{base['maxrss_mb']:.1f}", "-", "-",
          f"{base['seconds']:.2f}", "")
    for what, n, unit in (("filters", cfg.mem_filters, "filter"),
                          ("packets", cfg.mem_packets, "packet")):
        m = measure(what, n)
        above = m["maxrss_mb"] - base["maxrss_mb"]
        note = (f"{m['events']:,.0f} events in the log" if "events" in m
                else f"{m['pkt_per_s']:,.0f} pkt/s through Emulator.send")
        t.add(f"{n:,} {unit}s", f"{m['maxrss_mb']:.1f}", f"{above:.1f}",
              f"{above * 1024 * 1024 / max(n, 1):,.0f} B/{unit}", f"{m['seconds']:.2f}", note)
    return sec


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    what, n = args[0], int(args[1])
    json.dump(_child(what, n), sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
