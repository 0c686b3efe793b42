"""``offload exec``: what one tool command costs a rig through the sandbox's thin client,
against the same line run by ``offload run`` (the runner's session, in process), and how
long the sandbox takes to start.

The shim side is timed inside the sandbox by a small driver that spawns each command the
way a shell does (``posix_spawn`` through PATH, output to /dev/null) and times every spawn
to exit: the median is what a rig pays per line. ``/bin/true`` spawned the same way is the
floor (process creation alone). The runner side runs the very same lines through
:class:`offload.runner.Session` in this process. Both sides hold one filter in the block,
on one emulated netdevsim port.

Start-up is the wall time of ``offload exec -- true`` (interpreter start, imports, client
build from the cache, namespaces, FUSE mount, teardown included), median of the repeats.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench._common import Config, Section, Target

PROJECT = Path(__file__).resolve().parents[1]
SETUP = [
    "ip link set eth0 up",
    "tc qdisc add dev eth0 ingress",
    'tc filter add dev eth0 ingress prio 9 handle 9 bpf bytecode "1,6 0 0 4294967295"',
]
SHOW = "tc filter show dev eth0 ingress"
ADD = 'tc filter add dev eth0 ingress prio 1 handle 1 bpf bytecode "1,6 0 0 4294967295"'
DEL = "tc filter del dev eth0 ingress prio 1 handle 1 bpf"

DRIVER = r"""
import json, os, shlex, shutil, sys, time
n, setup = int(sys.argv[1]), json.loads(sys.argv[2])
show, add, dele = sys.argv[3:6]
null = os.open(os.devnull, os.O_WRONLY)
fa = [(os.POSIX_SPAWN_DUP2, null, 1), (os.POSIX_SPAWN_DUP2, null, 2)]
env = dict(os.environ)

def spawn(argv):
    path = shutil.which(argv[0]) if "/" not in argv[0] else argv[0]
    t0 = time.perf_counter()
    pid = os.posix_spawn(path, argv, env, file_actions=fa)
    _, st = os.waitpid(pid, 0)
    dt = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(st) != 0:
        raise SystemExit(f"failed: {argv}")
    return dt

with open("/sys/bus/netdevsim/new_device", "w") as f:
    f.write("1 1")
for line in setup:
    spawn(shlex.split(line))
res = {"true": [spawn(["/bin/true"]) for _ in range(n)],
       "show": [spawn(shlex.split(show)) for _ in range(n)], "pair": []}
a, d = shlex.split(add), shlex.split(dele)
for _ in range(n):
    res["pair"].append(spawn(a) + spawn(d))
print(json.dumps(res))
"""


def _exec_side(n: int, env: dict[str, str]) -> dict[str, list[float]]:
    with tempfile.TemporaryDirectory(prefix="offload-bench-exec-", dir="/tmp") as d:
        drv = Path(d) / "driver.py"
        drv.write_text(DRIVER)
        r = subprocess.run([sys.executable, "-m", "offload.cli", "exec", "-q", "--",
                            sys.executable, str(drv), str(n), json.dumps(SETUP), SHOW, ADD,
                            DEL], capture_output=True, text=True, cwd=PROJECT,
                           env={**os.environ, **env}, timeout=1800)
    if r.returncode != 0:
        raise RuntimeError(f"offload exec failed ({r.returncode}): {r.stderr.strip()[-400:]}")
    return json.loads(r.stdout)


def _runner_side(n: int) -> dict[str, list[float]]:
    from offload.emulator import Emulator
    from offload.runner import Session

    s = Session(Emulator("v6.1"))
    s.ctx.vfs.write("/sys/bus/netdevsim/new_device", "1 1")
    for line in SETUP:
        assert s.run_text(line).rc == 0  # type: ignore[union-attr]

    def one(line: str) -> float:
        t0 = time.perf_counter()
        e = s.run_text(line)
        dt = time.perf_counter() - t0
        assert e is not None and e.rc == 0, e
        return dt

    return {"show": [one(SHOW) for _ in range(n)],
            "pair": [one(ADD) + one(DEL) for _ in range(n)]}


def _startup(repeats: int) -> list[float]:
    out = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        r = subprocess.run([sys.executable, "-m", "offload.cli", "exec", "-q", "--", "true"],
                           capture_output=True, text=True, cwd=PROJECT)
        out.append(time.perf_counter() - t0)
        if r.returncode != 0:
            raise RuntimeError(f"offload exec -- true failed: {r.stderr.strip()[-400:]}")
    return out


def _ms(v: float) -> str:
    return f"{v * 1000:.2f} ms"


def run(cfg: Config) -> Section:
    sec = Section("exec", "offload exec: per-command cost through the shim, start-up")
    from offload.exec import SandboxUnavailable, check_machine

    try:
        check_machine()
    except SandboxUnavailable as exc:
        sec.notes.append(f"not measured: {exc}")
        sec.targets.append(Target("shim command median", None, 2.0, "ms", higher=False))
        return sec
    n = max(20, cfg.pairs // 2)
    shim = _exec_side(n, {})
    py = _exec_side(max(20, n // 10), {"OFFLOAD_EXEC_CLIENT": "python"})
    runner = _runner_side(n)
    start = _startup(max(1, cfg.repeats))
    med = {k: statistics.median(v) for k, v in shim.items()}
    pmed = {k: statistics.median(v) for k, v in py.items()}
    rmed = {k: statistics.median(v) for k, v in runner.items()}
    t = sec.table(f"per command, median of {n} (add/delete: per pair)",
                  ["command", "shim (C client)", "shim (Python client)", "offload run line",
                   "shim - run", "spawn floor (/bin/true)"])
    t.add("tc filter show", _ms(med["show"]), _ms(pmed["show"]), _ms(rmed["show"]),
          _ms(med["show"] - rmed["show"]), _ms(med["true"]))
    t.add("tc filter add + del", _ms(med["pair"]), _ms(pmed["pair"]), _ms(rmed["pair"]),
          _ms(med["pair"] - rmed["pair"]), _ms(2 * med["true"]))
    s = sec.table(f"start-up, {len(start)} runs", ["what", "median", "min"])
    s.add("offload exec -- true (wall, teardown included)", _ms(statistics.median(start)),
          _ms(min(start)))
    sec.targets.append(Target("shim tc filter show, median", med["show"] * 1000, 2.0, "ms",
                              higher=False))
    sec.targets.append(Target("shim add or delete, median per command",
                              med["pair"] * 500, 2.0, "ms", higher=False))
    sec.targets.append(Target("sandbox start-up (offload exec -- true)",
                              statistics.median(start), 1.0, "s", higher=False))
    sec.notes.append(f"load {os.getloadavg()[0]:.2f}; the runner side is the same lines "
                     "through offload.runner.Session in process")
    return sec
