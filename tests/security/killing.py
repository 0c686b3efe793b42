"""Helpers of the kill tests: start ``offload run`` in a child, find its descendants, the
namespaces, mounts and temporary folders it made, and stop it with a signal."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def children_of() -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            stat = Path(f"/proc/{d}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        out.setdefault(ppid, []).append(int(d))
    return out


def descendants(pid: int) -> set[int]:
    tree = children_of()
    out: set[int] = set()
    todo = [pid]
    while todo:
        for c in tree.get(todo.pop(), []):
            if c not in out:
                out.add(c)
                todo.append(c)
    return out


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def tmp_entries() -> set[str]:
    return {n for n in os.listdir("/tmp") if n.startswith("offload-vm-")}


def _in_use(name: str) -> bool:
    """A VM work folder some live process (another test's qemu) names on its command line."""
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                if f"/tmp/{name}".encode() in Path(f"/proc/{pid}/cmdline").read_bytes():
                    return True
            except OSError:
                continue
    return False


def left_behind(before: set[str]) -> set[str]:
    """VM work folders that appeared since ``before`` and that no live process uses: what a
    stopped run left (parallel test workers boot VMs of their own meanwhile)."""
    return {d for d in tmp_entries() - before if not _in_use(d)}


def mounts() -> list[str]:
    return sorted(Path("/proc/self/mounts").read_text().splitlines())


def start_run(script: Path, backend: str, *extra: str,
              tmpdir: Path | None = None) -> subprocess.Popen[str]:
    """``offload run`` in a child; with ``tmpdir``, its TMPDIR (whatever it makes with
    :mod:`tempfile` lands there, apart from other tests' VM folders in /tmp)."""
    env = None if tmpdir is None else {**os.environ, "TMPDIR": str(tmpdir)}
    return subprocess.Popen([sys.executable, "-m", "offload.cli", "run", "--backend", backend,
                             *extra, str(script)], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)


def wait_for(cond: Callable[[], bool], proc: subprocess.Popen[str], what: str,
             limit: float = 300.0) -> None:
    """Poll ``cond`` until true; fail if ``proc`` ends first or ``limit`` s pass (a hang
    guard, not a timing assertion)."""
    end = time.monotonic() + limit
    while not cond():
        if proc.poll() is not None:
            _, err = proc.communicate()
            raise AssertionError(f"the run ended before {what}: rc {proc.returncode}\n{err}")
        if time.monotonic() > end:
            proc.kill()
            raise AssertionError(f"{what} never happened")
        time.sleep(0.05)


def stop(proc: subprocess.Popen[str], sig: int = signal.SIGTERM) -> tuple[int, str, str]:
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=120)
    return proc.returncode, out, err
