"""The emulator's side of the control-plane benchmarks: the same add+delete pairs as
:mod:`bench.kernel_tc`, through the Python API (``Net.filter_new``/``filter_del`` with an
already loaded program) and through the script runner (the very ``tc`` lines the kernel's
``tc -batch`` gets, parsed and executed by :class:`offload.runner.Session`).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from bench.kernel_tc import BLOCK, Rig
from core.cls_bpf import ClsBpfOpts
from core.flags import TCA_BPF_FLAG_ACT_DIRECT, TCA_CLS_FLAGS_SKIP_SW
from core.net import FilterTarget
from core.skb import ETH_P_ALL
from offload.emulator import Emulator

PROGS = Path(__file__).resolve().parent.parent / "offload" / "progs"
TC_PASS = PROGS / "tc_pass.o"
INGRESS_PARENT = 0xFFFFFFF2
BPFFS = "/sys/fs/bpf"


class EmuRig:
    """An emulator with ``ports`` netdevsim ports (or a veth pair when ``veth``): up,
    hw-tc-offload on, an ingress qdisc on each (one shared block when ``shared``), a plain and
    a device-bound copy of ``tc_pass`` loaded."""

    def __init__(self, ports: int = 1, shared: bool = False, veth: bool = False,
                 profile: str = "v6.1", obj: Path = TC_PASS) -> None:
        self.emu = Emulator(profile)
        self.obj = obj
        net = self.emu.net
        if veth:
            self.emu.add_veth("v0", "v1")
            names = ["v0"]
        else:
            self.emu.nsim.new_device(1, ports)
            names = [f"eth{i}" for i in range(ports)]
        for n in names:
            net.dev(n).up = True
            if not veth:
                net.set_feature(n, "hw-tc-offload", True)
            net.qdisc_add(n, "ingress", ingress_block=BLOCK if shared else None)
        self.names = names
        self.veth = veth
        self.target = (FilterTarget(block_index=BLOCK) if shared
                       else FilterTarget(dev=names[0], parent=INGRESS_PARENT))
        self.prog_sw = self.emu.load_obj(str(obj), "classifier")
        self.prog_hw = None if veth else self.emu.load_obj(str(obj), "classifier", names[0])
        for p, path in ((self.prog_sw, f"{BPFFS}/sw"), (self.prog_hw, f"{BPFFS}/hw")):
            if p is not None:
                self.emu.pin(path, p)
        self.tc_target = f"block {BLOCK}" if shared else f"dev {names[0]} ingress"

    # -- Python API ----------------------------------------------------------------------
    def opts(self, flags: str) -> ClsBpfOpts:
        hw = flags == "skip_sw"
        return ClsBpfOpts(prog=self.prog_hw if hw else self.prog_sw,
                          gen_flags=TCA_CLS_FLAGS_SKIP_SW if hw else None,
                          bpf_flags=TCA_BPF_FLAG_ACT_DIRECT)

    def api_pairs(self, flags: str, pairs: int, handle: int = 1) -> float:
        """Seconds for ``pairs`` add+delete pairs through ``Net``."""
        net, target = self.emu.net, self.target
        opts = self.opts(flags)
        new, delete = net.filter_new, net.filter_del
        t0 = time.perf_counter()
        for _ in range(pairs):
            new(target, kind="bpf", opts=opts, prio=1, handle=handle, protocol=ETH_P_ALL)
            delete(target, kind="bpf", prio=1, protocol=ETH_P_ALL, handle=handle)
        return time.perf_counter() - t0

    def api_rate(self, flags: str, pairs: int) -> float:
        return pairs / self.api_pairs(flags, pairs)

    def in_hw_count(self, flags: str) -> int:
        """How many ports hold one filter added with ``flags`` (a sanity check)."""
        _, f = self.emu.net.filter_new(self.target, kind="bpf", opts=self.opts(flags), prio=1,
                                       handle=1, protocol=ETH_P_ALL)
        n = int(f.in_hw_count)
        self.emu.net.filter_del(self.target, kind="bpf", prio=1, protocol=ETH_P_ALL, handle=1)
        return n

    def fill(self, upto: int, have: int = 0) -> None:
        """No-flag filters prio 1, handles ``have+1..upto``."""
        opts = self.opts("")
        for h in range(have + 1, upto + 1):
            self.emu.net.filter_new(self.target, kind="bpf", opts=opts, prio=1, handle=h,
                                    protocol=ETH_P_ALL)

    # -- script runner -------------------------------------------------------------------
    def session(self) -> Any:
        from offload.runner import Session

        return Session(self.emu)

    def script_lines(self, flags: str, mode: str, pairs: int) -> list[str]:
        rig = Rig(tc=["tc"], target=self.tc_target, offload=not self.veth,
                  pinned_sw=f"{BPFFS}/sw", pinned_hw=f"{BPFFS}/hw")
        return [f"tc {ln}" for ln in rig.pair_lines(flags, mode, str(self.obj), pairs)]

    def runner_pairs(self, session: Any, flags: str, mode: str, pairs: int) -> float:
        """Seconds for ``pairs`` pairs as script lines: parsing + execution (+ the gc the
        runner does after each command), exactly what ``offload run`` does per line."""
        from offload.script import parse_script

        lines = self.script_lines(flags, mode, pairs)
        t0 = time.perf_counter()
        for cmd in parse_script(lines, {}):
            e = session.execute(cmd)
            if e.rc != 0:
                raise RuntimeError(f"{cmd.text}: rc {e.rc}: {e.stderr.strip()}")
        return time.perf_counter() - t0


def runner_available() -> str | None:
    """None when :mod:`offload.runner` can be used, else why not."""
    try:
        import offload.runner
        import offload.script  # noqa: F401
    except ImportError as exc:
        return f"offload.runner not importable: {exc}"
    return None

