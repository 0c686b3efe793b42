"""examples/rigs/offload_smoke.sh (set -e, loops, pipes into python3, $(cat ...)) runs under
``offload exec`` and, unchanged, as root on Linux 6.1 with netdevsim (the VM): the outputs
are identical after id normalisation. The VM's output is recorded in
``conformance/rigs/offload_smoke.txt`` (tests/vm/test_exec_rigs.py compares it live;
``OFFLOAD_RECORD_RIGS=1`` rewrites it)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from offload.backends.normalize import normalize
from offload.transcript import Entry
from tests.exec.conftest import PROJECT, offload
from tests.progs import conformance_progs

RIG = PROJECT / "examples" / "rigs" / "offload_smoke.sh"
RECORD = PROJECT / "conformance" / "rigs" / "offload_smoke.txt"

pytestmark = pytest.mark.usefixtures("sandbox_ok")


@pytest.fixture(scope="module")
def progs() -> Path:
    d = conformance_progs()
    if d is None:
        pytest.skip("clang cannot build conformance/progs here")
    return d


def norm(out: str, progs: Path) -> str:
    return normalize([Entry("rig", 0, out)], [str(progs)])[0].stdout


def emulated(progs: Path, tmp: Path) -> str:
    r = offload("exec", "--", "bash", str(RIG), tmp=tmp, env={"PROGS": str(progs)})
    assert r.returncode == 0, r.stdout + r.stderr
    assert "invariant violations: 0" in r.stderr and "audit: ok" in r.stderr
    return norm(r.stdout, progs)


def on_the_vm(vm: Any, progs: Path) -> str:
    work = Path(vm.work)
    shutil.copytree(progs, work / "progs", dirs_exist_ok=True)
    shutil.copy(RIG, work / "rig.sh")
    r = vm.run(["env", f"PROGS={work}/progs", "bash", str(work / "rig.sh")], timeout=300)
    assert r.rc == 0, r.stdout + r.stderr
    return norm(r.stdout, work / "progs")


def test_emulator_output_is_the_kernels(progs, tmpdir_short) -> None:
    if not RECORD.exists():
        pytest.skip(f"!!! {RECORD.name} is not recorded yet: OFFLOAD_RECORD_RIGS=1 pytest "
                    "tests/vm/test_exec_rigs.py !!!")
    got = emulated(progs, tmpdir_short)
    assert "offloaded id 1" in got and "refused" in got  # the rig did its work
    assert got == RECORD.read_text()
