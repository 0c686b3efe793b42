"""The state machine on examples/duonic: it finds the replace bug, blames the driver, and
hands back a script that ``offload run`` replays into the same audit failure."""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from offload.testing import OffloadStateMachine, OffloadViolation

pytest.importorskip("duonic", reason="examples/duonic is not installed (make test installs it)")


class DuoNicMachine(OffloadStateMachine):
    driver = "duonic"
    driver_per_port = False
    ports = 2


class DuoNicFixedMachine(DuoNicMachine):
    driver = "duonic-fixed"


def _run(machine: type[OffloadStateMachine], examples: int = 150) -> None:
    case = machine.test_case(max_examples=examples, steps=25, database=None,
                             derandomize=True, print_blob=False)
    case("runTest").runTest()


def test_finds_the_replace_bug_and_the_script_replays(tmp_path: Path) -> None:
    with pytest.raises(OffloadViolation) as ei:
        _run(DuoNicMachine)
    err = ei.value
    contract = [v for v in err.violations if v.invariant == "driver-contract"]
    assert contract and contract[0].blame == "driver"
    assert "-ENOSPC (-28)" in contract[0].detail and "(-28) (-28)" not in str(err)
    assert contract[0].held_before and contract[0].held_after is not None
    text = str(err)
    assert "held before" in text and "held after" in text
    assert "replace" in contract[0].callback
    # the steps as a script: it runs as the rerun line says, and the run's own invariant
    # checks (offload run --report) see the same driver-contract breach
    script = tmp_path / "repro.sh"
    script.write_text("\n".join(err.script) + "\n")
    words = shlex.split(err.rerun)
    assert words[:2] == ["offload", "run"] and "--driver" in words and words[-1] == "repro.sh"
    exe = Path(sys.executable).parent / "offload"
    report = tmp_path / "r.html"
    proc = subprocess.run([str(exe), "run", *words[2:-1], "--report", str(report),
                           str(script)], capture_output=True, text=True, cwd=tmp_path,
                          timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    assert "Cannot initialize ELF context" not in proc.stdout, proc.stdout
    html = report.read_text()
    assert 'data-invariant="driver-contract"' in html and "held before" in html


def test_the_fixed_card_passes() -> None:
    _run(DuoNicFixedMachine, examples=80)
