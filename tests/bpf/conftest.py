"""Fixtures for the BPF tests: the compiled C corpus and access to the host kernel."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from tests.progs import conformance_progs

CORPUS = Path(__file__).parent / "corpus"
CACHE = Path(tempfile.gettempdir()) / "offload-bpf-corpus"
#: tc_pass.o / tc_classid.o built from conformance/progs (their 6.1 tags are known).
SHARED_PROGS = conformance_progs() or Path("/nonexistent/offload-progs")


def _include_flags() -> list[str]:
    flags = []
    multiarch = Path("/usr/include/x86_64-linux-gnu")
    if multiarch.is_dir():
        flags.append(f"-I{multiarch}")
    return flags


def _cflags(src: str) -> list[str]:
    """Extra flags from a ``// CFLAGS: ...`` line in the source."""
    for line in src.splitlines():
        if line.startswith("// CFLAGS:"):
            return line.split(":", 1)[1].split()
    return []


def compile_c(path: Path) -> Path:
    """``clang -O2 -g -target bpf -c``, cached under the temp dir by source hash."""
    src = path.read_text()
    header = (CORPUS / "common.h").read_text()
    digest = hashlib.sha256((src + header).encode()).hexdigest()[:16]
    out = CACHE / f"{path.stem}-{digest}.o"
    if out.exists():
        return out
    CACHE.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(f".{os.getpid()}.tmp")
    cmd = ["clang", "-O2", "-g", "-target", "bpf", *_include_flags(), *_cflags(src),
           "-c", str(path), "-o", str(tmp)]
    subprocess.run(cmd, check=True, capture_output=True, cwd=CORPUS)
    tmp.replace(out)
    return out


@pytest.fixture(scope="session")
def corpus() -> dict[str, Path]:
    """All corpus programs compiled: ``{stem: object path}``."""
    if shutil.which("clang") is None:
        pytest.skip("clang not installed (make apt installs it from deps/apt.txt)")
    return {p.stem: compile_c(p) for p in sorted(CORPUS.glob("*.c"))}


@pytest.fixture(scope="session")
def kernel() -> None:
    """Skip unless bpf(2) works here (root, not ENOSYS/EPERM)."""
    from hwsim.kbpf import unavailable_reason

    reason = unavailable_reason()
    if reason:
        print(f"skipping kernel tests: {reason}")
        pytest.skip(reason)
