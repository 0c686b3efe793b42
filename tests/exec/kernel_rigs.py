"""The kernel's own rigs, unmodified, from linux-source-6.1: ``test_offload.py`` (netdevsim
offload selftest) and ``tc-testing/tdc.py``, extracted at test time, their BPF objects built
the way their Makefiles build them, and what their output says passed."""

from __future__ import annotations

import re
import shutil
import subprocess
import tarfile
from pathlib import Path

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


def extract(dest: Path) -> tuple[Path, Path]:
    """test_offload.py with its two sample programs, and tc-testing, in one pass over the
    tarball. Returns (the selftest folder, the tdc folder)."""
    wanted = (f"{TOP}/{KSFT}/test_offload.py",
              *(f"{TOP}/{KSFT}/progs/{s}.c" for s in SAMPLES), f"{TOP}/{TDC}/")
    with tarfile.open(TARBALL) as tar:
        members = [m for m in tar if m.name.startswith(wanted) and (m.isfile() or m.isdir())]
        tar.extractall(dest, members=members, filter="data")
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
