"""Fixtures of the security suite: canary files that must never change, and the reasons a
machine cannot run the root-only parts (which then skip, saying why)."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
from collections.abc import Iterable, Iterator
from pathlib import Path

import attrs
import pytest


def kernel_reason() -> str | None:
    """Why the kernel backend cannot run here, or None."""
    if os.geteuid() != 0:
        return "needs root (network namespaces) for the kernel backend"
    if not any(os.access(f"{d}/ip", os.X_OK) for d in ("/usr/sbin", "/usr/bin", "/sbin", "/bin")):
        return "iproute2 (ip) is not installed in the system folders"
    return None


@pytest.fixture
def kernel_ok() -> None:
    reason = kernel_reason()
    if reason:
        pytest.skip(reason)


@attrs.define
class Canaries:
    """Files a hostile script would like to read or write: one only root may read, one any
    user may read, and a folder where nothing may appear. ``unchanged()`` compares the
    folder's names and every file's mode and content with the first look."""

    root: Path
    secret: Path
    public: Path
    before: dict[str, tuple[int, str]] = attrs.field(factory=dict)

    def look(self) -> dict[str, tuple[int, str]]:
        out = {}
        for p in sorted(self.root.rglob("*")):
            st = p.lstat()
            data = p.read_bytes() if p.is_file() and not p.is_symlink() else b""
            out[str(p)] = (st.st_mode, hashlib.sha256(data).hexdigest())
        return out

    def unchanged(self) -> bool:
        return self.look() == self.before


@pytest.fixture
def canaries(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Canaries]:
    root = tmp_path_factory.mktemp("canary")
    root.chmod(0o755)
    secret = root / "secret"
    secret.write_text("TOP SECRET first words\nsecond line\n")
    secret.chmod(0o600)
    public = root / "public"
    public.write_text("1,6 0 0 0\n")
    public.chmod(0o644)
    c = Canaries(root, secret, public)
    c.before = c.look()
    yield c
    shutil.rmtree(root, ignore_errors=True)


def netns_names() -> set[str]:
    out = subprocess.run(["ip", "netns", "list"], capture_output=True, text=True).stdout
    return {ln.split()[0] for ln in out.splitlines() if ln.strip()}


_RUN_NS = re.compile(r"offload-(\d+)-[0-9a-f]+")


def not_others(lines: Iterable[str], mine: int) -> list[str]:
    """``lines`` (namespace names, mount lines) less those naming another offload run's
    namespace (``offload-PID-HEX`` with PID not ``mine``): parallel test workers run the
    kernel backend beside this test, and their namespaces come and go meanwhile."""
    out = []
    for line in lines:
        m = _RUN_NS.search(line)
        if m is None or int(m.group(1)) == mine:
            out.append(line)
    return sorted(out)
