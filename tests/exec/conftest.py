"""Helpers for the ``offload exec`` tests: run the real command line in a subprocess, with
its private folder in a per-test temporary folder (so a leftover is seen, and parallel runs
of other tests do not matter)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]


def sandbox_unavailable() -> str | None:
    from offload.exec import SandboxUnavailable, check_machine

    try:
        check_machine()
    except SandboxUnavailable as exc:
        return str(exc)
    return None


@pytest.fixture(scope="session")
def sandbox_ok() -> None:
    reason = sandbox_unavailable()
    if reason:
        pytest.skip(f"!!! offload exec SANDBOX TESTS SKIPPED: {reason} !!!")


@pytest.fixture
def tmpdir_short() -> Iterator[Path]:
    """A short folder for TMPDIR (Unix socket paths are limited to 108 bytes)."""
    d = Path(tempfile.mkdtemp(prefix="oxt-", dir="/tmp"))
    yield d
    for p in sorted(d.rglob("*"), reverse=True):
        p.unlink() if not p.is_dir() or p.is_symlink() else p.rmdir()
    d.rmdir()


def offload(*args: str, tmp: Path | None = None, env: dict[str, str] | None = None,
            timeout: float = 120, **kw: object) -> subprocess.CompletedProcess[str]:
    e = dict(os.environ)
    if tmp is not None:
        e["TMPDIR"] = str(tmp)
    e.update(env or {})
    return subprocess.run([sys.executable, "-m", "offload.cli", *args], capture_output=True,
                          text=True, env=e, timeout=timeout, cwd=kw.pop("cwd", PROJECT),
                          **kw)  # type: ignore[call-overload]
