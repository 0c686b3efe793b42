"""tdc cases (tests/front/tdc/*.json) on the emulator, and the TAP output."""

from __future__ import annotations

from pathlib import Path

import pytest

from offload.tdc import CaseResult, run_files, tap
from tests.exec import kernel_rigs as kr

TDC = Path(__file__).parent / "tdc"


def test_own_cases_pass() -> None:
    results = run_files(sorted(TDC.glob("*.json")))
    bad = [r for r in results if not r.ok]
    assert not bad, tap(bad)
    assert any(r.skipped for r in results)


def test_kernel_bpf_cases_that_need_no_objects(tmp_path: Path) -> None:
    if kr.tools_missing():
        pytest.skip(f"!!! KERNEL TDC CASES SKIPPED: {kr.tools_missing()} !!!")
    _, tdc = kr.extract(tmp_path)
    kernel = tdc / "tc-tests" / "filters" / "bpf.json"
    results = run_files([kernel], ids=["23c3", "1563"])
    assert [r.ok for r in results] == [True, True], tap(results)


def test_tap_format() -> None:
    text = tap([CaseResult("a1", "one", True), CaseResult("b2", "two", False, message="why\n"),
                CaseResult("c3", "three", True, skipped=True)])
    assert text == ("1..3\nok 1 a1 - one\nnot ok 2 b2 - two\n\twhy\n"
                    "ok 3 c3 - three # skipped\n")


def test_failing_case_is_reported(tmp_path: Path) -> None:
    f = tmp_path / "t.json"
    f.write_text('[{"id": "x", "name": "n", "setup": [], "cmdUnderTest": "$TC qdisc show",'
                 ' "expExitCode": "1", "verifyCmd": "", "matchPattern": "", "matchCount": "0",'
                 ' "teardown": []}]')
    [r] = run_files([f])
    assert not r.ok and "Command exited with 0, expected 1" in r.message
