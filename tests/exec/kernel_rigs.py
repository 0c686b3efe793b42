"""The kernel's own rigs, unmodified, from linux-source-6.1: ``test_offload.py`` (netdevsim
offload selftest) and ``tc-testing/tdc.py``, extracted at test time, their BPF objects built
the way their Makefiles build them, and what their output says passed."""

from __future__ import annotations

import fcntl
import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

import pytest

from tests.exec.conftest import offload

TARBALL = Path("/usr/src/linux-source-6.1.tar.xz")
TOP = "linux-source-6.1"
KSFT = "tools/testing/selftests/bpf"
TDC = "tools/testing/selftests/tc-testing"
SAMPLES = ("sample_ret0", "sample_map_ret0")
#: The TC part of test_offload.py ends with this section (the XDP ones follow).
LAST_TC_SECTION = "Test destroying device gets rid of TC filters..."
FIRST_SECTION = "Test destruction of generic XDP..."


def _multiarch() -> str:
    r = subprocess.run(["gcc", "-print-multiarch"], capture_output=True, text=True)
    return r.stdout.strip() or "x86_64-linux-gnu"


def _unpacked() -> Path:
    """test_offload.py with its two sample programs, and tc-testing, taken out of the
    tarball once per installed tarball (one pass over 140 MB of xz costs about a minute)
    into ~/.cache/offload/rigs/, under a lock so parallel test workers share it."""
    st = TARBALL.stat()
    root = Path.home() / ".cache" / "offload" / "rigs"
    done = root / f"{TOP}-{st.st_size}-{st.st_mtime_ns}"
    if done.is_dir():
        return done
    root.mkdir(parents=True, exist_ok=True)
    with open(root / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if done.is_dir():
            return done
        tmp = Path(tempfile.mkdtemp(dir=root, prefix=".unpack-"))
        wanted = (f"{TOP}/{KSFT}/test_offload.py",
                  *(f"{TOP}/{KSFT}/progs/{s}.c" for s in SAMPLES), f"{TOP}/{TDC}/")
        with tarfile.open(TARBALL) as tar:
            members = [m for m in tar
                       if m.name.startswith(wanted) and (m.isfile() or m.isdir())]
            tar.extractall(tmp, members=members, filter="data")
        tmp.rename(done)
    return done


def extract(dest: Path) -> tuple[Path, Path]:
    """A private copy of the rigs in ``dest`` (tests build objects and write logs there).
    Returns (the selftest folder, the tdc folder)."""
    shutil.copytree(_unpacked() / TOP, dest / TOP, dirs_exist_ok=True)
    return dest / TOP / KSFT, dest / TOP / TDC


def build_samples(ksft: Path) -> None:
    """progs/*.c -> *.bpf.o as the selftests Makefile's CLANG_BPF_BUILD_RULE does (its
    BPF_CFLAGS and CLANG_CFLAGS, with the system's libbpf headers for bpf/bpf_helpers.h)."""
    for s in SAMPLES:
        subprocess.run(["clang", "-g", "-Werror", "-D__TARGET_ARCH_x86", "-mlittle-endian",
                        f"-idirafter/usr/include/{_multiarch()}",
                        "-Wno-compare-distinct-pointer-types", "-O2", "-target", "bpf", "-c",
                        str(ksft / "progs" / f"{s}.c"), "-mcpu=v3", "-o",
                        str(ksft / f"{s}.bpf.o")], check=True, capture_output=True)


def build_action(tdc: Path) -> None:
    """tc-testing's action.o as its Makefile builds it (clang -emit-llvm | llc)."""
    llc = shutil.which("llc") or next(iter(sorted(Path("/usr/bin").glob("llc-*"))), None)
    clang = subprocess.run(["clang", "-I.", f"-idirafter/usr/include/{_multiarch()}",
                            "-Wno-compare-distinct-pointer-types", "-O2", "-target", "bpf",
                            "-emit-llvm", "-c", "action.c", "-o", "-"], cwd=tdc,
                           capture_output=True, check=True)
    subprocess.run([str(llc), "-march=bpf", "-mcpu=probe", "-filetype=obj", "-o", "action.o"],
                   input=clang.stdout, cwd=tdc, check=True, capture_output=True)


def prepare(dest: Path) -> tuple[Path, Path]:
    """Both rigs extracted into ``dest`` with their objects built (a pytest skip naming what
    is missing when the machine lacks the source or the compilers)."""
    reason = tools_missing()
    if reason:
        pytest.skip(f"!!! KERNEL RIGS SKIPPED: {reason} !!!")
    ksft, tdc = extract(dest)
    build_samples(ksft)
    build_action(tdc)
    return ksft, tdc


def tools_missing() -> str | None:
    if not TARBALL.exists():
        return f"{TARBALL} is not installed (apt-get install linux-source-6.1)"
    if shutil.which("clang") is None:
        return "clang is not installed"
    if shutil.which("llc") is None and not list(Path("/usr/bin").glob("llc-*")):
        return "llc is not installed (apt-get install llvm)"
    return None


_SECTION = re.compile(r"^(Test .*\.\.\.)$", re.M)


def sections(stdout: str, rc: int) -> tuple[list[str], str | None]:
    """(the sections that passed, the one that failed or None): test_offload.py prints each
    section's name as it starts and stops at the first failure."""
    started = _SECTION.findall(stdout)
    if rc == 0 or not started:
        return started, None
    return started[:-1], started[-1]


def tc_part(passed: list[str]) -> list[str]:
    """The sections up to and including the last TC one."""
    if LAST_TC_SECTION in passed:
        return passed[:passed.index(LAST_TC_SECTION) + 1]
    return passed


_TAP = re.compile(r"^(ok|not ok) \d+ (\S+) - (.*)$", re.M)


def tap(stdout: str) -> tuple[list[str], list[str]]:
    """(ids that passed, ids that failed or were skipped) from tdc's TAP output."""
    passed, other = [], []
    for status, tid, rest in _TAP.findall(stdout):
        (passed if status == "ok" and "# skipped" not in rest else other).append(tid)
    return passed, other


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


def expect(ok: bool, missing: list[str], what: str) -> None:
    """Fail with ``what``, naming the probed features the emulator lacks (a diagnosis,
    never an excuse: every one of them is built)."""
    if not ok:
        pytest.fail(f"{what}; the emulator lacks: {'; '.join(missing)}" if missing else what)


def run_test_offload_emulated(ksft: Path) -> tuple[list[str], str | None, str]:
    r = offload("exec", "--", sys.executable, "test_offload.py", cwd=ksft, timeout=1800)
    passed, failed = sections(r.stdout, r.returncode)
    return passed, failed, r.stdout + r.stderr


def report(passed: list[str], failed: str | None, kernel: list[str]) -> None:
    print(f"emulator: {len(passed)} sections passed, first not passed: {failed!r}")
    not_reached = [s for s in kernel if s not in passed]
    if not_reached:
        print("sections the kernel passes and the emulator does not:\n  "
              + "\n  ".join(not_reached))


def tdc_ids(tdc: Path, name: str) -> list[str]:
    return [t["id"] for t in json.loads((tdc / "tc-tests" / name).read_text())]


def run_tdc_emulated(tdc: Path, name: str) -> tuple[list[str], list[str], str]:
    r = offload("exec", "--", sys.executable, "tdc.py", "-f", f"tc-tests/{name}", cwd=tdc,
                timeout=900)
    return (*tap(r.stdout), r.stdout)


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
    passed, failed = sections(r.stdout, r.rc)
    skipped = re.findall(r"^SKIP: .*$", r.stdout, re.M)  # the selftest's own skip(): exit 0
    out: dict[str, Any] = {"test_offload": {"passed": passed, "failed": failed, "rc": r.rc,
                                            "skip": skipped[0] if skipped else None,
                                            "stderr_tail": r.stderr[-2000:]},
                           "tdc": {}}
    if skipped:  # what the selftest's probe saw
        b = vm.run(["env", f"PATH={path}", "sh", "-c", "bpftool -p prog; echo rc=$?; "
                    "command -v bpftool; mount | grep -e bpf -e debug"], timeout=60)
        out["test_offload"]["probe"] = b.stdout + b.stderr
    # the VM boots with only the scenarios' modules, and the kernel's on-demand loading runs
    # the initramfs's modprobe, which has none: load the driver tdc's qdisc cases need
    # (`ip link add dummy1 type dummy`) as a normal system would on demand
    m = vm.run(["modprobe", "dummy", "numdummies=0"], timeout=60)
    prov = getattr(vm, "provisioned", None)
    if m.rc != 0 and prov is not None:  # the guest's /lib/modules may be the module root's
        vm.run(["modprobe", "-d", str(prov.modroot), "dummy", "numdummies=0"], timeout=60)
    for name in sorted(TDC_FILES):
        t = vm.run(["python3", "tdc.py", "-f", f"tc-tests/{name}"], cwd=str(work / "tdc"),
                   timeout=900)
        ok, other = tap(t.stdout)
        out["tdc"][name] = {"passed": ok, "not_passed": other}
    return out
