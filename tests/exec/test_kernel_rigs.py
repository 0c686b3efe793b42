"""The kernel's own rigs, unmodified, under ``offload exec``, judged by the real 6.1 kernel.

``test_offload.py`` (tools/testing/selftests/bpf) must pass on the emulator every section the
real kernel passes in the VM up to the end of its TC part, the generic-XDP section before it
included; the sections the emulator does not reach are printed by name. ``tdc.py``
(tools/testing/selftests/tc-testing) must pass ``filters/bpf.json`` 7/7 and
``qdiscs/ingress.json`` 6/6. What the kernel passes is :data:`KERNEL_THROUGH_TC` (Linux
6.1 + netdevsim in the VM, issue #16) and every tdc case of the two files;
tests/vm/test_exec_rigs.py runs both rigs in the VM and checks it live.

Where the emulator lacks a feature these rigs need, the test says which (probed on a fresh
session, not assumed) and is an expected failure until it lands.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.exec import kernel_rigs as kr
from tests.exec.kernel_rigs import (
    KERNEL_THROUGH_TC,
    TDC_FILES,
    expect,
    missing_features,
    report,
    run_tdc_emulated,
    run_test_offload_emulated,
    tdc_ids,
)

pytestmark = pytest.mark.usefixtures("sandbox_ok")


@pytest.fixture(scope="module")
def trees(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return kr.prepare(tmp_path_factory.mktemp("linux"))


@pytest.fixture(scope="module")
def missing(trees: tuple[Path, Path]) -> list[str]:
    return missing_features(trees[0])


RECORD = Path(__file__).resolve().parents[2] / "conformance" / "rigs" / "kernel-6.1.json"


def test_the_recorded_kernel_run_says_so() -> None:
    """conformance/rigs/kernel-6.1.json (a run in the VM) passes KERNEL_THROUGH_TC and both
    tdc files in full."""
    rec = json.loads(RECORD.read_text())
    passed = rec["test_offload"]["passed"]
    assert passed[:len(KERNEL_THROUGH_TC)] == KERNEL_THROUGH_TC
    assert kr.tc_part(passed) == KERNEL_THROUGH_TC
    assert rec["test_offload"]["failed"] not in KERNEL_THROUGH_TC
    for name, count in TDC_FILES.items():
        assert len(rec["tdc"][name]["passed"]) == count and not rec["tdc"][name]["not_passed"]


def test_test_offload_passes_what_the_kernel_passes(trees, missing) -> None:
    passed, failed, out = run_test_offload_emulated(trees[0])
    report(passed, failed, KERNEL_THROUGH_TC)
    assert kr.tc_part(KERNEL_THROUGH_TC) == KERNEL_THROUGH_TC
    expect(passed[:len(KERNEL_THROUGH_TC)] == KERNEL_THROUGH_TC, missing,
            f"emulator passed {len(kr.tc_part(passed))} of the kernel's "
            f"{len(KERNEL_THROUGH_TC)} sections up to the end of the TC part (first failure: "
            f"{failed!r}); output tail:\n{out[-1500:]}")
    # the extack probe worked: every error message of the TC sections was checked
    assert "no extack message" not in out


@pytest.mark.parametrize("name", sorted(TDC_FILES))
def test_tdc_passes_what_the_kernel_passes(trees, missing, name) -> None:
    ids = tdc_ids(trees[1], name)
    assert len(ids) == TDC_FILES[name]
    passed, other, out = run_tdc_emulated(trees[1], name)
    print(f"{name}: {len(passed)}/{len(ids)} passed on the emulator (not passed: {other})")
    expect(passed == ids, missing,
            f"tdc {name}: {len(passed)}/{len(ids)} passed; output tail:\n{out[-1500:]}")


# -- the real kernel ----------------------------------------------------------------------------
