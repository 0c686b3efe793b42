"""The netdevsim VM: provisioning, boot-to-ready, and what one scenario costs in a warm VM.

* Provisioning: the seconds each step took when the cache was built (the VM module stamps
  them in ``<cache>/<abi>-v*/stamps/<step>``); with ``--fresh-vm`` it is also done again into
  a temporary cache (about 1.5 min), timed, and the temporary cache removed.
* Boot-to-ready: qemu start to the guest agent answering, split into the guest kernel and
  /init (modules loaded: ``boot-uptime``), the agent's start (the host's Python over 9p) and
  what the host adds (qemu start, polling).
* Scenarios: the project's conformance scripts in one batch in the booted VM (one guest
  Python process, a fresh namespace per script) vs the same scripts on the emulator.
"""

from __future__ import annotations

import re
import shutil
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from bench._common import Config, Section, Target, fmt_ratio, ratio
from bench.vmrig import VmHolder

GOAL_BOOT = 8.0


def recorded_stamps(cache: Path) -> tuple[str | None, dict[str, float]]:
    """(ABI, {step: seconds}) from the stamp files of the current cached provisioning."""
    cur = cache / "current"
    if not cur.exists():
        return None, {}
    abi = cur.read_text().strip()
    roots = sorted(cache.glob(f"{abi}-v*"))
    if not roots:
        return abi, {}
    out: dict[str, float] = {}
    for stamp in sorted((roots[-1] / "stamps").glob("*")):
        m = re.search(r"^([0-9.]+)s$", stamp.read_text(), re.M)
        if m:
            out[stamp.name] = float(m.group(1))
    return abi, out


def _provisioning(cfg: Config, sec: Section) -> None:
    from hwsim.vm import default_cache_dir

    abi, stamps = recorded_stamps(default_cache_dir())
    t = sec.table("provisioning (seconds per step)", ["step", "recorded in the cache",
                                                       "fresh run now"])
    fresh: dict[str, float] = {}
    fresh_total: float | None = None
    if cfg.fresh_vm:
        from hwsim.vm import VMError, provision

        tmp = Path(tempfile.mkdtemp(prefix="offload-bench-vmcache-"))
        try:
            t0 = time.monotonic()
            prov = provision(tmp)
            fresh_total = time.monotonic() - t0
            fresh = dict(prov.timings)
        except VMError as exc:
            sec.notes.append(f"fresh provisioning failed: {exc}")
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    else:
        sec.notes.append("fresh provisioning not measured (run with --fresh-vm: ~1.5 min)")
    steps = list(dict.fromkeys([*stamps, *fresh]))
    for s in steps:
        t.add(s, f"{stamps[s]:.1f}" if s in stamps else "-",
              f"{fresh[s]:.1f}" if s in fresh else "-")
    t.add("total", f"{sum(stamps.values()):.1f}" if stamps else "-",
          f"{fresh_total:.1f}" if fresh_total is not None else "-")
    if abi is None:
        sec.notes.append("no provisioned VM cache found")
    else:
        sec.notes.append(f"cached kernel {abi}; the recorded apt step is short when the "
                         "packages were already installed")


def _boot_parts(vm: Any) -> dict[str, float | None]:
    init_done: float | None = None
    if vm.work is not None:
        f = vm.work / "boot-uptime"
        try:
            init_done = float(f.read_text().split()[0])
        except (OSError, ValueError, IndexError):
            init_done = None
    ready = vm.guest_uptime_at_ready
    return {"total": vm.boot_seconds, "kernel+init": init_done,
            "agent": None if ready is None or init_done is None else ready - init_done,
            "host": None if ready is None or vm.boot_seconds is None
            else vm.boot_seconds - ready}


def _extra_boot() -> dict[str, float | None] | None:
    from hwsim.vm import VM, VMError

    try:
        with VM() as vm:
            return _boot_parts(vm)
    except VMError:
        return None


def _scenarios(cfg: Config, sec: Section, vms: VmHolder) -> None:
    from offload.backends.record import CONFORMANCE, build_progs
    from offload.backends.vm import VMBackend
    from offload.runner import EmulatorBackend
    from offload.script import parse_script

    vm = vms.get()
    assert vm is not None and vm.work is not None
    files = sorted((CONFORMANCE / "scripts").glob("*.sh"))
    if cfg.scenarios:
        files = files[:cfg.scenarios]
    progs = build_progs(CONFORMANCE / "progs", vm.work / "progs")
    scripts = {p.stem: parse_script(p.read_text().splitlines(), {"PROGS": str(progs)})
               for p in files}
    backend = VMBackend(vm)
    emu = EmulatorBackend()
    vm_s: list[float] = []
    emu_s: list[float] = []
    for _ in range(max(1, cfg.repeats)):
        if not vm_s:  # one VM batch (slow under TCG); the emulator's median of repeats
            backend.run_many(scripts)
            vm_s.append(backend.last_seconds / len(files))
        t0 = time.perf_counter()
        for cmds in scripts.values():
            emu.run(cmds)
        emu_s.append((time.perf_counter() - t0) / len(files))
    v, e = statistics.median(vm_s), statistics.median(emu_s)
    steps = sum(len(c) for c in scripts.values())
    t = sec.table(f"one scenario, warm VM vs emulator ({len(files)} conformance scripts, "
                  f"{steps} lines)", ["", "VM (one batch)", "emulator", "emulator speed-up"])
    t.add("seconds per scenario", f"{v:.3f}", f"{e:.4f}", fmt_ratio(ratio(v, e)))
    t.add("ms per script line", f"{1000 * v * len(files) / steps:.1f}",
          f"{1000 * e * len(files) / steps:.2f}", "")


def run(cfg: Config, vms: VmHolder) -> Section:
    sec = Section("vm", "netdevsim VM: provisioning, boot-to-ready, per-scenario time")
    _provisioning(cfg, sec)
    if not cfg.vm:
        sec.notes.append("boot and scenarios skipped: --no-vm")
        return sec
    vm = vms.get()
    if vm is None:
        sec.notes.append(f"boot and scenarios skipped: {vms.error}")
        sec.targets.append(Target("boot-to-ready", None, GOAL_BOOT, "s", higher=False))
        return sec
    boots = [_boot_parts(vm)]
    _scenarios(cfg, sec, vms)
    if cfg.vm_boots > 1:
        vms.close()  # the extra boots do not compete with an idle guest
        for _ in range(cfg.vm_boots - 1):
            b = _extra_boot()
            if b is not None:
                boots.append(b)
    t = sec.table("boot-to-ready (seconds)", ["boot", "total", "guest kernel + /init",
                                              "agent start", "host side"])
    for i, b in enumerate(boots, 1):
        t.add(str(i), *("-" if b[k] is None else f"{b[k]:.2f}"
                        for k in ("total", "kernel+init", "agent", "host")))
    totals = [b["total"] for b in boots if b["total"] is not None]
    med = statistics.median(totals) if totals else None
    sec.targets.append(Target("boot-to-ready (median)", med, GOAL_BOOT, "s", higher=False))
    return sec
