"""The kernel's own rigs, unmodified, under ``offload exec``, judged by the real 6.1 kernel.

``test_offload.py`` (tools/testing/selftests/bpf) must pass on the emulator every section the
real kernel passes in the VM up to the end of its TC part, the generic-XDP section before it
included; the sections the emulator does not reach are printed by name. ``tdc.py``
(tools/testing/selftests/tc-testing) must pass ``filters/bpf.json`` 7/7 and
``qdiscs/ingress.json`` 6/6. What the kernel passes is :data:`KERNEL_THROUGH_TC` (Linux
6.1 + netdevsim in the VM, issue #16) and every tdc case of the two files;
``test_the_kernel_passes_the_same`` runs both rigs in the VM and checks it live.

Where the emulator lacks a feature these rigs need, the test says which (probed on a fresh
session, not assumed) and is an expected failure until it lands.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.exec import kernel_rigs as kr
from tests.exec.conftest import offload

TDC_FILES = {"filters/bpf.json": 7, "qdiscs/ingress.json": 6}
#: The sections of test_offload.py the real 6.1 kernel with netdevsim passes, in order, up
#: to the end of its TC part (the file then goes on with XDP sections).
KERNEL_THROUGH_TC = [
    "Test destruction of generic XDP...",
    "Test TC non-offloaded...",
    "Test TC non-offloaded isn't getting bound...",
    "Test TC offloads are off by default...",
    "Test TC offload by default...",
    "Test TC cBPF bytcode tries offload by default...",
    "Test TC cBPF unbound bytecode doesn't offload...",
    "Test non-0 chain offload...",
    "Test TC replace...",
    "Test TC replace bad flags...",
    "Test spurious extack from the driver...",
    "Test TC offloads failure...",
    "Test TC offloads work...",
    "Test TC offload basics...",
    "Test TC offload is device-bound...",
    "Test disabling TC offloads is rejected while filters installed...",
    "Test qdisc removal frees things...",
    "Test disabling TC offloads is OK without filters...",
    "Test destroying device gets rid of TC filters...",
]

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


def report(passed: list[str], failed: str | None, kernel: list[str]) -> None:
    print(f"emulator: {len(passed)} sections passed, first not passed: {failed!r}")
    not_reached = [s for s in kernel if s not in passed]
    if not_reached:
        print("sections the kernel passes and the emulator does not:\n  "
              + "\n  ".join(not_reached))


def test_test_offload_passes_what_the_kernel_passes(trees, missing) -> None:
    passed, failed, out = run_test_offload_emulated(trees[0])
    report(passed, failed, KERNEL_THROUGH_TC)
    assert kr.tc_part(KERNEL_THROUGH_TC) == KERNEL_THROUGH_TC
    _expect(passed[:len(KERNEL_THROUGH_TC)] == KERNEL_THROUGH_TC, missing,
            f"emulator passed {len(kr.tc_part(passed))} of the kernel's "
            f"{len(KERNEL_THROUGH_TC)} sections up to the end of the TC part (first failure: "
            f"{failed!r}); output tail:\n{out[-1500:]}")
    # the extack probe worked: every error message of the TC sections was checked
    assert "no extack message" not in out


def tdc_ids(tdc: Path, name: str) -> list[str]:
    return [t["id"] for t in json.loads((tdc / "tc-tests" / name).read_text())]


def run_tdc_emulated(tdc: Path, name: str) -> tuple[list[str], list[str], str]:
    r = offload("exec", "--", sys.executable, "tdc.py", "-f", f"tc-tests/{name}", cwd=tdc,
                timeout=900)
    return (*kr.tap(r.stdout), r.stdout)


@pytest.mark.parametrize("name", sorted(TDC_FILES))
def test_tdc_passes_what_the_kernel_passes(trees, missing, name) -> None:
    ids = tdc_ids(trees[1], name)
    assert len(ids) == TDC_FILES[name]
    passed, other, out = run_tdc_emulated(trees[1], name)
    print(f"{name}: {len(passed)}/{len(ids)} passed on the emulator (not passed: {other})")
    _expect(passed == ids, missing,
            f"tdc {name}: {len(passed)}/{len(ids)} passed; output tail:\n{out[-1500:]}")


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
def test_the_kernel_passes_the_same(trees, missing, request) -> None:
    """Both rigs on the real kernel: it passes :data:`KERNEL_THROUGH_TC` and every tdc case,
    and the emulator (this tree) passes the same up to the end of the TC part."""
    live = run_in_vm(request.getfixturevalue("vm"), *trees)
    print(json.dumps(live, indent=1))
    kpassed = live["test_offload"]["passed"]
    assert kpassed[:len(KERNEL_THROUGH_TC)] == KERNEL_THROUGH_TC
    assert live["test_offload"]["failed"] not in KERNEL_THROUGH_TC
    for name in TDC_FILES:
        assert live["tdc"][name]["passed"] == tdc_ids(trees[1], name)
    passed, failed, _ = run_test_offload_emulated(trees[0])
    report(passed, failed, kpassed)
    _expect(kr.tc_part(passed) == kr.tc_part(kpassed), missing,
            "the emulator's sections through the TC part differ from the kernel's")
