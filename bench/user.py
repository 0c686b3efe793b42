"""At the user's scale (issue 15): obj-heavy scripts, start-up, filters at many priorities,
long sessions, the explorer, and an exploration over a corpus.

* **obj script.** A 402-line script (a veth, clsact, 200 ``tc filter add ... bpf skip_hw da
  obj tc_pass.o sec classifier``, 200 deletes) through ``offload run`` (a process each, wall
  clock) against the host kernel's ``tc -batch`` of the same 400 requests in a fresh network
  namespace. Start-up is taken apart: the per-request time is (wall of the 402-line run −
  wall of a one-line run) / 400 on both sides (``tc -batch`` of one ``qdisc show`` line for
  the kernel). "Today" is the same emulator with the load caches turned off
  (``OFFLOAD_LOAD_CACHE=0``): every line parses the ELF object and verifies again.
* **start-up.** Wall-clock median of ``offload --help``, ``offload run`` of a one-line script
  and ``python -c pass`` (the interpreter alone), and ``python -X importtime -c 'import
  offload.cli'`` (its cumulative figure for ``offload.cli``).
* **priorities.** N filters added through the script runner at N distinct prios, against N
  handles under one prio (a child process each: seconds, ``tc -j filter show`` of all of
  them, peak RSS ``VmHWM``); the growth exponent fits time ∝ N^k between the two sizes.
* **long session.** A session like the shell's (its default event cap) takes M read-only
  ``tc -s filter show`` commands; RSS is sampled after the first tenth and at the end.
* **explorer.** Cases/s of ``offload.explore.explore`` on ``scripts/explore-30.sh``,
  one process.
"""

from __future__ import annotations

import json
import math
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench._common import Config, Section, Target, fmt_ratio, interleaved, ratio
from bench.emu_tc import TC_PASS
from bench.kernel_tc import unavailable_reason as kernel_reason

PROJECT = Path(__file__).resolve().parent.parent
SCRIPTS = Path(__file__).resolve().parent / "scripts"


def obj_script(obj: Path = TC_PASS, n: int = 200) -> list[str]:
    """The 402-line script: set-up, ``n`` adds loading ``obj``, ``n`` deletes."""
    lines = ["ip link add v0 type veth peer name v1", "tc qdisc add dev v0 clsact"]
    lines += [f"tc filter add dev v0 ingress prio 1 handle {h} bpf skip_hw da obj {obj} "
              "sec classifier" for h in range(1, n + 1)]
    lines += [f"tc filter del dev v0 ingress prio 1 handle {h} bpf" for h in range(1, n + 1)]
    return lines


def _offload_argv() -> list[str]:
    exe = Path(sys.executable).parent / "offload"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "offload.cli"]


def user_env(**extra: str) -> dict[str, str]:
    """A user's environment: bytecode caching on (``PYTHONDONTWRITEBYTECODE`` unset), so
    start-up is what an installed ``offload`` costs, not a recompile of every module."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(extra)
    return env


#: CPU seconds (user + system) of the last :func:`_wall` child
LAST_CPU = [0.0]


def _children_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def _wall(argv: Sequence[str], env: dict[str, str] | None = None) -> float:
    c0 = _children_cpu()
    t0 = time.perf_counter()
    p = subprocess.run(list(argv), capture_output=True, text=True, env=env or user_env(),
                       timeout=600)
    dt = time.perf_counter() - t0
    LAST_CPU[0] = _children_cpu() - c0
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)}: exit {p.returncode}: {p.stderr[-300:]}")
    return dt


def _kernel_batch(lines: list[str], one: list[str]
                  ) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """((wall, CPU) of ``tc -batch`` of ``lines``, of ``one``) in a fresh netns with the
    set-up done."""
    ns = f"offload-bench-user-{os.getpid()}"
    subprocess.run(["ip", "netns", "add", ns], check=True, capture_output=True)
    try:
        for argv in (["ip", "-n", ns, "link", "add", "v0", "type", "veth", "peer", "name",
                      "v1"], ["tc", "-n", ns, "qdisc", "add", "dev", "v0", "clsact"]):
            subprocess.run(argv, check=True, capture_output=True)
        out = []
        for body in (lines, one):
            with tempfile.NamedTemporaryFile("w", suffix=".tc", delete=False) as f:
                f.write("\n".join(body) + "\n")
            try:
                out.append((_wall(["tc", "-n", ns, "-batch", f.name]), LAST_CPU[0]))
            finally:
                os.unlink(f.name)
        return out[0], out[1]
    finally:
        subprocess.run(["ip", "netns", "del", ns], capture_output=True)


def _obj(cfg: Config, sec: Section, tmp: Path) -> None:
    lines = obj_script(n=cfg.obj_script_adds)
    reqs = 2 * cfg.obj_script_adds
    script, one = tmp / "obj.sh", tmp / "one.sh"
    script.write_text("\n".join(lines) + "\n")
    one.write_text("tc qdisc show\n")
    off = _offload_argv()
    nocache = user_env(OFFLOAD_LOAD_CACHE="0")
    _wall([*off, "run", str(one)])  # warm-up: bytecode written, page cache filled
    host_err = kernel_reason("veth") if cfg.kernel else "disabled (--no-kernel)"
    kern = [ln[3:] for ln in lines[2:]]
    keys = ("run", "run1", "nocache", "k", "k1")
    got: dict[str, list[float]] = {k: [] for k in keys}
    cpu: dict[str, list[float]] = {k: [] for k in keys}

    def take(key: str, argv: list[str], env: dict[str, str] | None = None) -> None:
        got[key].append(_wall(argv, env))
        cpu[key].append(LAST_CPU[0])

    for _ in range(max(1, cfg.repeats)):
        take("run", [*off, "run", str(script)])
        take("run1", [*off, "run", str(one)])
        take("nocache", [*off, "run", str(script)], nocache)
        if host_err is None:
            try:
                kb = _kernel_batch(kern, ["qdisc show"])
            except (OSError, subprocess.CalledProcessError, RuntimeError) as exc:
                host_err = f"host kernel: {exc}"
                kb = None
            if kb is not None:
                for key, (w, c) in zip(("k", "k1"), kb, strict=True):
                    got[key].append(w)
                    cpu[key].append(c)
    med = {k: statistics.median(v) if v else None for k, v in got.items()}
    mcpu = {k: statistics.median(v) if v else None for k, v in cpu.items()}

    def per(m: dict[str, float | None], key: str, base: str) -> float | None:
        a, b = m[key], m[base]
        return None if a is None or b is None else (a - b) / reqs

    wall = {k: per(med, k, b) for k, b in (("run", "run1"), ("nocache", "run1"), ("k", "k1"))}
    cput = {k: per(mcpu, k, b) for k, b in (("run", "run1"), ("nocache", "run1"), ("k", "k1"))}
    t = sec.table(f"obj script ({len(lines)} lines, {reqs} requests): median, per request = "
                  "(script − one-line) / requests",
                  ["side", "script s", "one-line s (start-up)", "per request µs wall",
                   "per request µs CPU", "kernel / side speed (CPU)"])

    def us(v: float | None) -> str:
        return "-" if v is None else f"{v * 1e6:,.0f}"

    t.add("offload run", f"{med['run']:.3f}", f"{med['run1']:.3f}", us(wall["run"]),
          us(cput["run"]), fmt_ratio(ratio(cput["k"], cput["run"])))
    t.add("offload run, load caches off (today)", f"{med['nocache']:.3f}", "-",
          us(wall["nocache"]), us(cput["nocache"]),
          fmt_ratio(ratio(cput["k"], cput["nocache"])))
    if med["k"] is not None:
        t.add("host kernel tc -batch", f"{med['k']:.3f}", f"{med['k1']:.3f}", us(wall["k"]),
              us(cput["k"]), "1.0x")
    else:
        sec.notes.append(f"obj script, host kernel skipped: {host_err}")
    sec.targets.append(Target("obj script per request, speed vs host tc -batch (CPU)",
                              ratio(cput["k"], cput["run"]), 0.5, "x"))
    sec.targets.append(Target("obj script per request, speed vs host tc -batch (wall)",
                              ratio(wall["k"], wall["run"]), 0.5, "x"))
    sec.targets.append(Target("obj script per request, speed-up vs caches off (CPU)",
                              ratio(cput["nocache"], cput["run"]), 10.0, "x"))
    sec.notes.append("obj script: CPU = user + system seconds of the child (tc's netlink "
                     "requests are handled in its own system time)")


def importtime_cli() -> float:
    """Seconds ``import offload.cli`` takes by ``python -X importtime`` (cumulative)."""
    p = subprocess.run([sys.executable, "-X", "importtime", "-c", "import offload.cli"],
                       capture_output=True, text=True, cwd=PROJECT, timeout=120,
                       env=user_env())
    for line in p.stderr.splitlines():
        m = re.match(r"import time:\s+\d+ \|\s+(\d+) \|\s+offload\.cli$", line)
        if m:
            return int(m.group(1)) / 1e6
    raise RuntimeError(f"no offload.cli line in -X importtime output: {p.stderr[-300:]}")


def _startup(cfg: Config, sec: Section, tmp: Path) -> None:
    one = tmp / "one.sh"
    one.write_text("tc qdisc show\n")
    off = _offload_argv()
    n = max(5, cfg.repeats * 3)
    cpu: dict[str, list[float]] = {}

    def side(name: str, argv: list[str]) -> Any:
        def run() -> float:
            w = _wall(argv)
            cpu.setdefault(name, []).append(LAST_CPU[0])
            return 1 / w
        return run

    sides = {
        "python -c pass": side("python -c pass", [sys.executable, "-c", "pass"]),
        "offload --help": side("offload --help", [*off, "--help"]),
        "offload run (one line)": side("offload run (one line)", [*off, "run", str(one)]),
        "import offload.cli (-X importtime)": lambda: 1 / importtime_cli(),
    }
    med = {k: 1 / v for k, v in interleaved(sides, n).items()}
    t = sec.table(f"start-up, median of {n}", ["what", "wall s", "CPU s (user+sys)",
                                                "wall vs python -c pass"])
    for k, v in med.items():
        c = f"{statistics.median(cpu[k]):.3f}" if k in cpu else "-"
        t.add(k, f"{v:.3f}", c, "-" if k.startswith("python") or k.startswith("import")
              else f"+{v - med['python -c pass']:.3f}")
    sec.targets.append(Target("offload run of a one-line script, wall",
                              med["offload run (one line)"], 0.2, "s", higher=False))
    sec.targets.append(Target("import offload.cli (-X importtime)",
                              med["import offload.cli (-X importtime)"], 0.15, "s",
                              higher=False))


def _child(what: str, argv: Sequence[str], timeout: float = 3600) -> dict[str, Any]:
    p = subprocess.run([sys.executable, "-m", "bench.user", what, *argv], capture_output=True,
                       text=True, cwd=PROJECT, timeout=timeout)
    if p.returncode != 0:
        raise RuntimeError(f"bench.user {what}: {p.stderr.strip()[-500:]}")
    return dict(json.loads(p.stdout))


def _prios(cfg: Config, sec: Section) -> None:
    sizes = cfg.prio_sizes
    t = sec.table("filters added through the runner (veth, no flag, object-pinned)",
                  ["filters", "layout", "add s (CPU s)", "CPU µs per add",
                   "tc -j filter show s (CPU s)", "tc filter show s", "peak RSS MB"])
    secs: dict[str, list[float]] = {"prio": [], "handle": []}
    for n in sizes:
        for layout in ("handle", "prio"):
            m = _child("prios", [layout, str(n)])
            # CPU seconds of the child: on 2 cores shared with other jobs the wall clock
            # of a single-threaded run mostly measures the others
            secs[layout].append(m["add_cpu_s"])
            t.add(f"{n:,}", "distinct prios" if layout == "prio" else "handles under prio 1",
                  f"{m['add_s']:.2f} ({m['add_cpu_s']:.2f})",
                  f"{m['add_cpu_s'] / n * 1e6:,.1f}",
                  f"{m['json_s']:.2f} ({m['json_cpu_s']:.2f})", f"{m['text_s']:.2f}",
                  f"{m['maxrss_mb']:.1f}")
            if n == sizes[-1] and layout == "prio":
                sec.targets.append(Target(f"tc -j filter show of {n:,} filters (CPU s)",
                                          m["json_cpu_s"], 2.0, "s", higher=False))
    big = sizes[-1]
    sec.targets.append(Target(f"{big:,} distinct prios / {big:,} handles, CPU time",
                              ratio(secs["prio"][-1], secs["handle"][-1]), 2.0, "x",
                              higher=False))
    if len(sizes) >= 2:
        for layout in ("prio", "handle"):
            k = math.log(secs[layout][-1] / secs[layout][0]) / math.log(sizes[-1] / sizes[0])
            sec.targets.append(Target(f"growth exponent of the add CPU time, {layout}s, "
                                      f"{sizes[0]:,} → {big:,}", k, 1.1, "", higher=False))
    sec.notes.append("priorities: µs per add, the ratio and the exponents are from the "
                     "child's CPU seconds; wall seconds shown first")


def _session(cfg: Config, sec: Section) -> None:
    m = _child("session", [str(cfg.session_cmds)])
    t = sec.table(f"one session (the shell's event cap), {cfg.session_cmds:,} read-only "
                  "`tc -s filter show`", ["sample", "RSS MB", "events held", "seconds"])
    for s in m["samples"]:
        t.add(f"after {s['n']:,} commands", f"{s['rss_mb']:.1f}", f"{s['events']:,}",
              f"{s['seconds']:.2f}")
    first, last = m["samples"][0]["rss_mb"], m["samples"][-1]["rss_mb"]
    sec.targets.append(Target("session RSS growth, first tenth → end", 100 * (last / first - 1),
                              10.0, "%", higher=False))


#: The explorer's sides, measured interleaved: (name, checkpoints, early stop).
EXPLORE_SIDES = (("early stop", True, True), ("checkpoints", True, False),
                 ("replay", False, False))


def _explore_rate(seconds: float, checkpoints: bool,
                  early_stop: bool = False) -> tuple[float, int, float]:
    """(cases per wall second, cases, cases per CPU second of this process)."""
    from offload.explore import ExploreOptions, explore
    from offload.explore import _engine as explore_engine
    from offload.script import parse_script

    cmds = parse_script((SCRIPTS / "explore-30.sh").read_text().splitlines(), {})
    try:
        opts = ExploreOptions(minimize=False, checkpoints=checkpoints, early_stop=early_stop)
    except TypeError:  # a tree without early stops
        opts = ExploreOptions(minimize=False, checkpoints=checkpoints)
    cases, t0, c0 = 0, time.perf_counter(), time.process_time()
    while True:
        getattr(explore_engine, "forget_checkpoints", lambda: None)()  # each run from cold
        cases += explore(cmds, opts).cases_run
        dt = time.perf_counter() - t0
        if dt >= seconds:
            return cases / dt, cases, cases / max(1e-9, time.process_time() - c0)


def _explorer(cfg: Config, sec: Section) -> None:
    got: dict[str, list[float]] = {}
    cases = 0
    for _ in range(max(3, cfg.repeats)):
        for side, checkpoints, early in EXPLORE_SIDES:
            rate, n, cpu = _explore_rate(cfg.explore_seconds / 3, checkpoints, early)
            got.setdefault(side, []).append(rate)
            got.setdefault(f"{side} cpu", []).append(cpu)
            cases += n
    med = {k: statistics.median(v) for k, v in got.items()}
    t = sec.table("explorer, single faults on explore-30.sh, one process (interleaved)",
                  ["cases", "cases/s (wall)", "cases per CPU second", "ms per case (wall)"])
    what = {"early stop": "checkpoint, then stop once the state is a known one's (now)",
            "checkpoints": "resume from a checkpoint of the fault-free prefix",
            "replay": "replay the prefix (before checkpoints)"}
    for side, _, _ in EXPLORE_SIDES:
        t.add(what[side], f"{med[side]:,.0f}", f"{med[side + ' cpu']:,.0f}",
              f"{1000 / med[side]:.2f}")
    sec.targets.append(Target("explorer fault cases/s, 1 process (explore-30.sh)",
                              med["early stop"], 500.0, "cases/s"))
    sec.targets.append(Target("explorer fault cases per CPU second, 1 process",
                              med["early stop cpu"], 500.0, "cases/s"))
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    sec.notes.append(
        f"explorer: {cases:,} cases in all, load {load:.1f}; early stop / checkpoints / "
        f"replay = {med['early stop cpu']:,.0f} / {med['checkpoints cpu']:,.0f} / "
        f"{med['replay cpu']:,.0f} cases per CPU second "
        f"({med['early stop cpu'] / med['checkpoints cpu']:.2f}x, "
        f"{med['early stop cpu'] / med['replay cpu']:.2f}x; the CPU figure is what the "
        "load of other jobs does not change)")


def corpus(limit: int = 0) -> list[tuple[str, Any]]:
    """The conformance scripts (``$PROGS`` built like the tests do), ``limit`` of them."""
    from offload.script import parse_script
    from tests.progs import conformance_progs

    progs = conformance_progs()
    env = {"PROGS": str(progs)} if progs else {}
    paths = sorted((PROJECT / "conformance" / "scripts").glob("*.sh"))
    if limit:
        paths = paths[:limit]
    return [(p.name, parse_script(p.read_text().splitlines(), env)) for p in paths]


def _corpus(cfg: Config, sec: Section) -> None:
    from offload.explore import ExploreOptions, explore_many

    scripts = corpus(cfg.corpus_scripts)
    opts = ExploreOptions(minimize=False, pairs=True)
    t = sec.table(f"corpus: {len(scripts)} conformance scripts, single faults + pairs, "
                  "explored at once", ["where", "workers", "cases", "start-up s", "run s",
                                       "cases/s", "cases/s per worker", "same report"])
    t0 = time.perf_counter()
    ref = explore_many(scripts, opts)
    dt = time.perf_counter() - t0
    n = sum(r.cases_run for r in ref)
    t.add("this process (--jobs 1)", 1, f"{n:,}", "-", f"{dt:.1f}", f"{n / dt:,.0f}",
          f"{n / dt:,.0f}", "reference")
    try:
        from offload.explore import DaskExecutor, to_json
    except ImportError as exc:
        sec.notes.append(f"corpus on Dask skipped: {exc}")
        return
    workers = max(2, min(4, os.cpu_count() or 2))
    t0 = time.perf_counter()
    with DaskExecutor(None, workers) as ex:
        up = time.perf_counter() - t0
        t0 = time.perf_counter()
        got = explore_many(scripts, opts, executor=ex)
        dt = time.perf_counter() - t0
    same = [json.dumps(to_json(a)) for a in got] == [json.dumps(to_json(b)) for b in ref]
    t.add("Dask LocalCluster (processes)", workers, f"{n:,}", f"{up:.1f}", f"{dt:.1f}",
          f"{n / dt:,.0f}", f"{n / dt / workers:,.0f}", "yes" if same else "NO")
    sec.targets.append(Target("corpus on Dask: report equal to --jobs 1", 1.0 if same else 0.0,
                              1.0, ""))


def run(cfg: Config) -> Section:
    sec = Section("user", "At the user's scale: obj scripts, start-up, priorities, sessions, "
                          "explorer")
    tmp = Path(tempfile.mkdtemp(prefix="offload-bench-user-"))
    try:
        _obj(cfg, sec, tmp)
        _startup(cfg, sec, tmp)
        _prios(cfg, sec)
        _session(cfg, sec)
        _explorer(cfg, sec)
        _corpus(cfg, sec)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return sec


# -- children --------------------------------------------------------------------------


def _rss_kb(field: str = "VmRSS:") -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field):
                return float(line.split()[1])
    return 0.0


def child_prios(layout: str, n: int) -> dict[str, Any]:
    from bench.emu_tc import EmuRig

    r = EmuRig(veth=True)
    s = r.session()
    pin = "object-pinned /sys/fs/bpf/sw"
    if layout == "prio":
        lines = [f"tc filter add dev v0 ingress prio {i} handle 1 bpf da {pin}"
                 for i in range(1, n + 1)]
    else:
        lines = [f"tc filter add dev v0 ingress prio 1 handle {i} bpf da {pin}"
                 for i in range(1, n + 1)]
    from offload.script import parse_script

    cmds = parse_script(lines, {})
    t0, c0 = time.perf_counter(), time.process_time()
    for c in cmds:
        e = s.execute(c)
        if e.rc:
            raise RuntimeError(f"{c.text}: {e.stderr}")
    add_s = time.perf_counter() - t0
    out: dict[str, Any] = {"add_s": add_s, "add_cpu_s": time.process_time() - c0}
    for key, line in (("json_s", "tc -j filter show dev v0 ingress"),
                      ("text_s", "tc filter show dev v0 ingress")):
        t0, c0 = time.perf_counter(), time.process_time()
        e = s.run_text(line)
        out[key] = time.perf_counter() - t0
        out[key.replace("_s", "_cpu_s")] = time.process_time() - c0
        if e is None or e.rc:
            raise RuntimeError(f"{line}: {e}")
        if key == "json_s" and len(json.loads(e.stdout)) < n:
            raise RuntimeError(f"{line}: fewer than {n} entries")
    out["maxrss_mb"] = _rss_kb("VmHWM:") / 1024
    return out


def child_session(m: int) -> dict[str, Any]:
    """A netdevsim port with one offloaded filter; ``m`` × ``tc -s filter show`` (each asks
    the driver for stats: one bus event, one step)."""
    from bench.emu_tc import EmuRig
    from offload.runner import Session

    r = EmuRig(1)
    cap = getattr(Session, "LONG_LIVED_EVENT_CAP", None)
    s = Session(r.emu, event_cap=cap) if cap else Session(r.emu)
    e = s.run_text("tc filter add dev eth0 ingress prio 1 handle 1 bpf da "
                   "object-pinned /sys/fs/bpf/sw")
    if e is None or e.rc:
        raise RuntimeError(f"filter add: {e}")
    samples = []
    t0 = time.perf_counter()
    for i in range(1, m + 1):
        s.run_text("tc -s filter show dev eth0 ingress")
        if i == m // 10 or i == m:
            samples.append({"n": i, "rss_mb": _rss_kb() / 1024,
                            "events": len(r.emu.log.events),
                            "seconds": time.perf_counter() - t0})
    return {"samples": samples}


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[0] == "prios":
        out = child_prios(args[1], int(args[2]))
    elif args[0] == "session":
        out = child_session(int(args[1]))
    else:
        raise SystemExit(f"unknown child {args[0]!r}")
    json.dump(out, sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
