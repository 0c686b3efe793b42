"""Control plane: ``tc filter add`` + ``tc filter del`` per second, emulator vs kernel.

One *op* is one tc request (an add or a delete); every timed run is ``N`` add+delete pairs of
the same filter (``prio 1 handle 1``), ``skip_sw`` or without flags, on:

* the emulator, netdevsim profile, 1 port — through the Python API (program already loaded)
  and through the script runner (the same ``tc`` lines the kernel gets: parsing, the front
  end and the runner's per-command gc included);
* the emulator, 4 netdevsim ports on a shared block (``tc filter add block 7``);
* the real kernel with netdevsim in the VM: ``tc -batch`` in the guest, timed by the guest;
* the host kernel on a veth in a namespace of its own (software only: no ``skip_sw``).

Programs are pinned once (``object-pinned``), so the kernel's numbers are the filter requests
alone like the API's; the ``obj`` rows load the ELF object on every add, as a user typing
``tc filter add ... obj prog.o`` does. Repeats of all sides are interleaved and medians taken.
"""

from __future__ import annotations

from typing import Any

from bench._common import (
    Config,
    Section,
    Target,
    fmt_rate,
    fmt_ratio,
    interleaved,
    ratio,
)
from bench.emu_tc import TC_PASS, EmuRig, runner_available
from bench.kernel_tc import KernelTcError, rig
from bench.kernel_tc import unavailable_reason as kernel_reason
from bench.vmrig import VmHolder

FLAGS = ("skip_sw", "")
GOAL_OPS = 20_000.0
GOAL_VS_VM = 20.0


def _label(flags: str, mode: str = "pinned") -> str:
    return f"{flags or 'no flag'}{'' if mode == 'pinned' else ' + obj load'}"


def _vm_cases(cfg: Config, shared: bool) -> list[dict[str, Any]]:
    cases = [{"label": _label(f), "flags": f, "mode": "pinned", "pairs": cfg.vm_pairs}
             for f in FLAGS]
    if not shared:
        cases += [{"label": _label(f, "obj"), "flags": f, "mode": "obj",
                   "pairs": max(1, cfg.obj_pairs // 20)} for f in FLAGS]
    return cases


def run(cfg: Config, vms: VmHolder | None = None) -> Section:
    sec = Section("control", "Control plane: tc filter add+delete, ops/s (1 op = 1 request)")
    runner_err = runner_available()
    if runner_err:
        sec.notes.append(f"script runner rows skipped: {runner_err}")
    one, shared, veth = EmuRig(1), EmuRig(4, shared=True), EmuRig(veth=True)
    sessions = {} if runner_err else {id(r): r.session() for r in (one, shared, veth)}
    for r, want in ((one, 1), (shared, 4)):
        got = r.in_hw_count("skip_sw")
        if got != want:
            sec.notes.append(f"sanity: a skip_sw filter is in {got} ports, expected {want}")

    sides: dict[str, Any] = {}

    def api(r: EmuRig, flags: str) -> Any:
        return lambda: 2 * r.api_rate(flags, cfg.pairs)

    def runner(r: EmuRig, flags: str, mode: str) -> Any:
        n = cfg.pairs // 4 if mode == "pinned" else cfg.obj_pairs
        if runner_err:
            return lambda: None
        return lambda: 2 * n / r.runner_pairs(sessions[id(r)], flags, mode, n)

    for f in FLAGS:
        sides[f"1p api {f}"] = api(one, f)
        sides[f"4p api {f}"] = api(shared, f)
        for mode in ("pinned", "obj"):
            sides[f"1p runner {f} {mode}"] = runner(one, f, mode)
        sides[f"4p runner {f} pinned"] = runner(shared, f, "pinned")
    sides["veth api "] = api(veth, "")
    for mode in ("pinned", "obj"):
        sides[f"veth runner  {mode}"] = runner(veth, "", mode)

    host_err = kernel_reason("veth") if cfg.kernel else "disabled (--no-kernel)"
    vm_err: str | None = None if cfg.vm and vms is not None else "disabled (--no-vm)"
    vm_samples: dict[str, list[float]] = {}
    if vm_err is None and vms is not None and vms.get() is None:
        vm_err = vms.error

    vm_rounds = 0

    def vm_round() -> float | None:
        nonlocal vm_err, vm_rounds
        if vm_err is not None or vms is None:
            return None
        if vm_rounds >= cfg.vm_repeats:  # each round costs tens of seconds under TCG
            return 0.0
        vm_rounds += 1
        tags = (("1p", False), ("4p", True))
        specs = [{"kind": "netdevsim", "obj": str(TC_PASS), "ports": 4 if is_shared else 1,
                  "shared": is_shared, "cases": _vm_cases(cfg, is_shared), "repeats": 1}
                 for _, is_shared in tags]
        ans = vms.kernel_tc({"specs": specs})  # one guest process: python starts slowly there
        answers = ans.get("answers", [ans])
        for (tag, _), one in zip(tags, answers, strict=False):
            if "error" in one:
                vm_err = str(one["error"])
                return None
            for label, rates in one["rates"].items():
                vm_samples.setdefault(f"{tag} {label}", []).extend(2 * x for x in rates)
        return 0.0

    sides["vm"] = vm_round
    host_ctx: Any = None
    if host_err is None:
        try:
            host_ctx = rig("veth", str(TC_PASS))
            host = host_ctx.__enter__()
            sides["host pinned"] = lambda: 2 * cfg.kernel_pairs / host.batch(
                host.pair_lines("", "pinned", str(TC_PASS), cfg.kernel_pairs))
            sides["host obj"] = lambda: 2 * cfg.obj_pairs / host.batch(
                host.pair_lines("", "obj", str(TC_PASS), cfg.obj_pairs))
        except KernelTcError as exc:
            host_err, host_ctx = str(exc), None
    try:
        med = interleaved(sides, cfg.repeats)
    except KernelTcError as exc:
        host_err = str(exc)
        med = {}
    finally:
        if host_ctx is not None:
            host_ctx.__exit__(None, None, None)
    vm_med = {k: sorted(v)[len(v) // 2] for k, v in vm_samples.items() if v}
    if vm_err:
        sec.notes.append(f"VM kernel skipped: {vm_err}")
    if host_err:
        sec.notes.append(f"host kernel skipped: {host_err}")

    cols = ["case", "emulator API", "emulator runner", "VM kernel (tc -batch)",
            "API / VM", "runner / VM"]
    for tag, title in (("1p", "netdevsim, 1 port, dev eth0 ingress"),
                       ("4p", "netdevsim, 4 ports on shared block 7")):
        t = sec.table(f"{title}: ops/s", cols)
        for f in FLAGS:
            for mode in ("pinned", "obj"):
                if mode == "obj" and tag == "4p":
                    continue
                a = med.get(f"{tag} api {f}") if mode == "pinned" else None
                rn = med.get(f"{tag} runner {f} {mode}")
                k = vm_med.get(f"{tag} {_label(f, mode)}")
                t.add(_label(f, mode), fmt_rate(a), fmt_rate(rn), fmt_rate(k),
                      fmt_ratio(ratio(a, k)), fmt_ratio(ratio(rn, k)))
    sec.notes.append("shared block + obj: iproute2 loads the program unbound without "
                     "`dev`, and netdevsim refuses unbound programs, so no such row")
    t = sec.table("veth (software only), no flag: ops/s",
                  ["case", "emulator API", "emulator runner", "host kernel (tc -batch)",
                   "API / host", "runner / host"])
    for mode in ("pinned", "obj"):
        a = med.get("veth api ") if mode == "pinned" else None
        rn = med.get(f"veth runner  {mode}")
        k = med.get(f"host {mode}")
        t.add(_label("", mode), fmt_rate(a), fmt_rate(rn), fmt_rate(k),
              fmt_ratio(ratio(a, k)), fmt_ratio(ratio(rn, k)))

    for f in FLAGS:
        a = med.get(f"1p api {f}")
        sec.targets.append(Target(f"emulator API ops/s, {_label(f)}", a, GOAL_OPS, "ops/s"))
        sec.targets.append(Target(f"emulator API / VM kernel, {_label(f)}",
                                  ratio(a, vm_med.get(f"1p {_label(f)}")), GOAL_VS_VM, "x"))
        rn = med.get(f"1p runner {f} pinned")
        sec.targets.append(Target(f"emulator runner ops/s, {_label(f)}", rn, GOAL_OPS,
                                  "ops/s"))
    return sec
