"""The kernel's own rigs, unmodified, under ``offload exec``, judged by the real 6.1 kernel.

``test_offload.py`` (tools/testing/selftests/bpf) must pass on the emulator every section the
real kernel passes in the VM up to the end of its TC part, the generic-XDP section before it
included; the sections the emulator does not reach are printed by name. ``tdc.py``
(tools/testing/selftests/tc-testing) must pass ``filters/bpf.json`` 7/7 and
``qdiscs/ingress.json`` 6/6. The kernel's results are recorded in
``conformance/rigs/kernel-6.1.json`` (by ``test_record_matches_the_vm``, which also runs
both rigs in the VM and compares them live).

Where the emulator lacks a feature these rigs need, the test says which (probed on a fresh
session, not assumed) and is an expected failure until it lands.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.exec import kernel_rigs as kr
from tests.exec.conftest import PROJECT, offload

RECORD = PROJECT / "conformance" / "rigs" / "kernel-6.1.json"
TDC_FILES = {"filters/bpf.json": 7, "qdiscs/ingress.json": 6}

pytestmark = pytest.mark.usefixtures("sandbox_ok")


@pytest.fixture(scope="module")
def trees(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    reason = kr.tools_missing()
    if reason:
        pytest.skip(f"!!! KERNEL RIGS SKIPPED: {reason} !!!")
    ksft, tdc = kr.extract(tmp_path_factory.mktemp("linux"))
    kr.build_samples(ksft)
    kr.build_action(tdc)
    return ksft, tdc


def missing_features(ksft: Path) -> list[str]:
    """The emulator features these rigs use that this tree does not have, each probed."""
    from offload.emulator import Emulator
    from offload.runner import Session
    from offload.vfs import VfsForbidden

    s = Session(Emulator("v6.1"))
    s.ctx.vfs.write("/sys/bus/netdevsim/new_device", "1 1")

    def rc(line: str) -> int:
        e = s.run_text(line)
        return -1 if e is None else e.rc

    out = []
    if rc("bpftool -p map") != 0:
        out.append("bpftool map (-p map show)")
    if rc("ip netns add offl-probe") != 0 or not callable(getattr(s, "has_netns", None)):
        out.append("network namespaces (ip netns add, Session.has_netns/execute_in)")
    if rc("ip link add offl-dummy type dummy") != 0:
        out.append("ip link add type dummy")
    e = s.run_text("tc qdisc delete dev lo handle 0")
    if e is None or e.stderr != "Error: Failed to find qdisc with specified handle.\n":
        out.append("tc qdisc delete dev lo handle 0 extack message")
    if rc("tc qdisc add dev eth0 ingress") == 0 and rc(
            f"tc filter add dev eth0 ingress bpf obj {ksft}/sample_ret0.bpf.o sec .text") != 0:
        out.append("programs in section .text")
    if rc(f"ip link set dev eth0 xdpgeneric obj {ksft}/sample_ret0.bpf.o sec .text") != 0:
        out.append("ip link set xdpgeneric (generic XDP)")
    try:
        node = s.ctx.vfs.lookup("/sys/kernel/debug/netdevsim/netdevsim1/ports/0/dev",
                                follow=False)
        if getattr(node, "link", None) is None:
            raise OSError
    except (OSError, TypeError):
        out.append("the ports/M/dev symlink in debugfs")
    try:
        s.ctx.vfs.lookup("/sys/fs/bpf")
    except (VfsForbidden, OSError):
        out.append("the /sys/fs/bpf tree (bpftool prog pin, show pinned)")
    return out


@pytest.fixture(scope="module")
def missing(trees: tuple[Path, Path]) -> list[str]:
    return missing_features(trees[0])


def _recorded() -> dict[str, Any]:
    if not RECORD.exists():
        pytest.skip(f"no recording {RECORD.relative_to(PROJECT)} (run the vm test)")
    return json.loads(RECORD.read_text())


def _expect(ok: bool, missing: list[str], what: str) -> None:
    if ok:
        return
    if missing:
        pytest.xfail(f"{what}; the emulator lacks: {'; '.join(missing)}")
    pytest.fail(what)


def run_test_offload_emulated(ksft: Path) -> tuple[list[str], str | None, str]:
    r = offload("exec", "--", sys.executable, "test_offload.py", cwd=ksft, timeout=1800)
    passed, failed = kr.sections(r.stdout, r.returncode)
    return passed, failed, r.stdout + r.stderr


def test_test_offload_passes_what_the_kernel_passes(trees, missing) -> None:
    rec = _recorded()["test_offload"]
    passed, failed, out = run_test_offload_emulated(trees[0])
    want = kr.tc_part(rec["passed"])
    got = passed[:len(want)]
    print(f"emulator: {len(passed)} sections passed, stopped at {failed!r}")
    print(f"kernel:   {len(rec['passed'])} sections passed, stopped at {rec['failed']!r}")
    not_reached = [s for s in rec["passed"] if s not in passed]
    if not_reached:
        print("sections the kernel passes and the emulator does not:\n  "
              + "\n  ".join(not_reached))
    assert want[0] == kr.FIRST_SECTION and want[-1] == kr.LAST_TC_SECTION
    _expect(got == want, missing,
            f"emulator passed {len(got)} of the kernel's {len(want)} sections up to the end "
            f"of the TC part (first failure: {failed!r}); output tail:\n{out[-1500:]}")


@pytest.mark.parametrize("name", sorted(TDC_FILES))
def test_tdc_passes_what_the_kernel_passes(trees, missing, name) -> None:
    rec = _recorded()["tdc"][name]
    assert len(rec["passed"]) == TDC_FILES[name]
    r = offload("exec", "--", sys.executable, "tdc.py", "-f", f"tc-tests/{name}",
                cwd=trees[1], timeout=900)
    passed, other = kr.tap(r.stdout)
    print(f"{name}: {len(passed)}/{TDC_FILES[name]} passed on the emulator "
          f"(not passed: {other})")
    _expect(passed == rec["passed"], missing,
            f"tdc {name}: {len(passed)}/{len(rec['passed'])} passed; output tail:\n"
            f"{r.stdout[-1500:]}")


# -- the real kernel ----------------------------------------------------------------------------
def run_in_vm(vm: Any, ksft: Path, tdc: Path) -> dict[str, Any]:
    """Both rigs on Linux 6.1 + netdevsim: test_offload.py with only a udevadm stub on PATH
    (the VM has no udev), tdc as it comes."""
    work = Path(vm.work)
    shutil.copytree(ksft, work / "ksft", dirs_exist_ok=True)
    shutil.copytree(tdc, work / "tdc", dirs_exist_ok=True)
    stub = work / "stub"
    stub.mkdir(exist_ok=True)
    (stub / "udevadm").write_text("#!/bin/sh\nexit 0\n")
    (stub / "udevadm").chmod(0o755)
    path = f"{stub}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
    r = vm.run(["env", f"PATH={path}", "python3", "test_offload.py"], cwd=str(work / "ksft"),
               timeout=1800)
    passed, failed = kr.sections(r.stdout, r.rc)
    out: dict[str, Any] = {"test_offload": {"passed": passed, "failed": failed, "rc": r.rc},
                           "tdc": {}}
    for name in sorted(TDC_FILES):
        t = vm.run(["python3", "tdc.py", "-f", f"tc-tests/{name}"], cwd=str(work / "tdc"),
                   timeout=900)
        ok, other = kr.tap(t.stdout)
        out["tdc"][name] = {"passed": ok, "not_passed": other}
    return out


@pytest.mark.vm
def test_record_matches_the_vm(trees, request) -> None:
    """Run both rigs on the real kernel; the recording must say the same. With
    OFFLOAD_RECORD_RIGS=1 the recording is (re)written instead."""
    if os.environ.get("OFFLOAD_SKIP_VM"):
        pytest.skip("OFFLOAD_SKIP_VM is set")
    vm = request.getfixturevalue("vm")
    live = run_in_vm(vm, *trees)
    if os.environ.get("OFFLOAD_RECORD_RIGS") == "1":
        RECORD.parent.mkdir(parents=True, exist_ok=True)
        RECORD.write_text(json.dumps(live, indent=1) + "\n")
    rec = _recorded()
    assert live == rec
    assert kr.LAST_TC_SECTION in live["test_offload"]["passed"]
