"""The explorer on plugin cards: one row per bug whatever the number of ports, blame that
spares the driver when a port only answered through injected faults, rerun lines that
work as printed."""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from core.driver import flow_block_cb_setup_simple
from core.errors import EOPNOTSUPP
from core.offload import TcClsBpfCommand, TcSetupType
from offload.explore import ExploreConfig, ExploreOptions, explore, run_commands
from offload.plugins import DriverSpec
from offload.script import parse_script

ROOT = Path(__file__).resolve().parents[2]
PROGS = ROOT / "offload" / "progs"
BC = "bpf skip_sw da bytecode '1,6 0 0 0,'"


class KeepsOnRemove:
    """Acknowledges every remove and keeps the program (a leak of its own making)."""

    def __init__(self) -> None:
        self.name = "keeper"
        self.cb_list: list[Any] = []
        self.held: dict[str, list[Any]] = {}

    def ndo_setup_tc(self, dev: Any, type: TcSetupType, bo: Any) -> int:
        if type != TcSetupType.TC_SETUP_BLOCK:
            return -EOPNOTSUPP
        return flow_block_cb_setup_simple(bo, self.cb_list, self.cb, dev, dev,
                                          ingress_only=True, owner=f"keeper:{dev.name}")

    def cb(self, type: TcSetupType, req: Any, dev: Any) -> int:
        if req.command != TcClsBpfCommand.TC_CLSBPF_OFFLOAD:
            return -EOPNOTSUPP
        held = self.held.setdefault(dev.name, [])
        if req.prog is not None and not any(p is req.prog for p in held):
            held.append(req.prog)
        return 0  # a remove: acknowledged, nothing unloaded

    def offload_holdings(self, dev: Any) -> list[Any]:
        return list(self.held.get(dev.name, []))


def make_keeper() -> KeepsOnRemove:
    return KeepsOnRemove()


def test_a_port_that_only_answered_through_an_injected_fault_is_not_the_drivers() -> None:
    """eth0's driver keeps a removed program (driver); eth1's remove was an injected
    failure that the kernel ignores (kernel rule), although the same step has a breach."""
    script = f"""\
nic add 1 ports 1
nic add 2 ports 1
ethtool -K eth0 hw-tc-offload on
ethtool -K eth1 hw-tc-offload on
tc qdisc add dev eth0 ingress_block 7 ingress
tc qdisc add dev eth1 ingress_block 7 ingress
tc filter add block 7 prio 1 handle 1 {BC}
fault eth1 remove errno EBUSY
tc filter del block 7 prio 1 handle 1 bpf
"""
    spec = DriverSpec(f"{__name__}:make_keeper")
    run = run_commands(parse_script(script.splitlines(), {}), ExploreConfig(driver=spec))
    leaks = {v.where: v for v in run.steps[-1].new if v.invariant == "no-leak"}
    assert set(leaks) == {"keeper:eth0", "keeper:eth1"}
    assert leaks["keeper:eth0"].blame == "driver"
    assert leaks["keeper:eth1"].blame == "kernel"
    assert "remove failed" in leaks["keeper:eth1"].cause
    injected = [e for e in run.emu.log.events if e.injected]
    assert [e.owner for e in injected] == ["keeper:eth1"]


def test_one_bug_on_four_ports_is_one_row() -> None:
    lines = ['echo "1 4" > /sys/bus/netdevsim/new_device']
    for i in range(4):
        lines += [f"ethtool -K eth{i} hw-tc-offload on", f"tc qdisc add dev eth{i} ingress",
                  f"tc filter add dev eth{i} ingress prio 1 handle 1 {BC}",
                  f"tc filter add dev eth{i} ingress prio 2 handle 1 {BC}",
                  f"tc filter replace dev eth{i} ingress prio 2 handle 1 {BC}"]
    result = explore(parse_script(lines, {}),
                     ExploreOptions(driver=DriverSpec("duonic"), classes=("EBUSY",)))
    rows = [r for r in result.reproductions
            if r.signature[1] == "driver-contract" and r.signature[2] == "driver"]
    assert len(rows) == 1
    assert rows[0].wheres == ("duonic:eth0", "duonic:eth1", "duonic:eth2", "duonic:eth3")


def test_the_rerun_line_works_as_printed(tmp_path: Path) -> None:
    exe = Path(sys.executable).parent / "offload"
    out = tmp_path / "repros"
    subprocess.run([str(exe), "explore", "--driver", "duonic", "--driver-opt", "slots=2",
                    str(ROOT / "examples" / "duonic" / "replace.sh"), "--set",
                    "PROGS=offload/progs", "--repro-dir", str(out)],
                   cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)
    repro = next(p for p in sorted(out.glob("repro-*.sh"))
                 if "duonic broke the callback contract" in p.read_text())
    rerun = next(line for line in repro.read_text().splitlines()
                 if line.startswith("# rerun: "))
    words = shlex.split(rerun.removeprefix("# rerun: "))
    assert words[:2] == ["offload", "run"]
    assert words[4:8] == ["--driver", "duonic", "--driver-opt", "slots=2"]
    proc = subprocess.run([str(exe), *words[1:]], cwd=tmp_path,  # elsewhere: paths absolute
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    assert "Cannot initialize ELF context" not in proc.stdout
    assert "duonic: no free slot for make-before-break replace" in proc.stdout


@pytest.mark.parametrize(("fail_on", "rc"), [("driver", 1), ("kernel", 1), ("any", 1),
                                             ("none", 0)])
def test_fail_on_exit_codes(fail_on: str, rc: int) -> None:
    from offload.explore import main

    args = [str(ROOT / "examples" / "duonic" / "replace.sh"), "--set", f"PROGS={PROGS}",
            "--driver", "duonic", "--fail-on", fail_on, "--json"]
    assert main(args) == rc
