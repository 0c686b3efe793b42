"""Run the kernel's tools/testing/selftests/bpf/test_offload.py, unmodified, on one emulator
Session in this process, without a sandbox: ``subprocess.Popen`` (its ``cmd()``) goes to
:meth:`Session.run_text`, and ``open``/``os.listdir``/``os.stat``/``os.path.isfile``/
``isdir`` of the three emulated trees go to the Session's Vfs. Commands that only prepare a
real kernel (``modprobe``, ``udevadm settle``, ``mount``) succeed. A test helper only:
``offload exec`` is the real way to run a rig; this one exists so the emulator's side of
that work is checked on its own.

    python -m tests.rigs.selftest_harness DIR   # DIR holds test_offload.py and its objects
"""

from __future__ import annotations

import builtins
import io
import os
import runpy
import shlex
import stat
import subprocess
import sys
from typing import Any

from offload.runner import EmulatorBackend

TREES = ("/sys/bus/netdevsim", "/sys/kernel/debug/netdevsim", "/sys/fs/bpf")


def _ours(path: Any) -> bool:
    p = str(path)
    if not p.startswith("/"):
        return False
    n = os.path.normpath(p)
    return any(n == t or n.startswith(t + "/") for t in TREES)


def install(session: Any) -> None:
    """Patch the process so test_offload.py's system calls reach ``session``."""
    vfs = session.ctx.vfs
    real_open, real_listdir, real_stat = builtins.open, os.listdir, os.stat
    real_isfile, real_isdir = os.path.isfile, os.path.isdir

    class Popen:
        def __init__(self, cmd: str, shell: bool = True, **_: Any) -> None:
            self.args = cmd
            words = shlex.split(cmd)
            if words[0] in ("modprobe", "udevadm"):
                res = (0, "", "")
            elif words[0] == "mount":
                res = (0, "debugfs on /sys/kernel/debug type debugfs (rw)\n", "")
            elif words[0] == "ls" and not _ours(words[-1]):
                res = (0, words[-1] + "\n", "") if os.path.exists(words[-1]) else (2, "", "")
            else:
                e = session.run_text(cmd)
                res = (e.rc, e.stdout, e.stderr)
            self.returncode, self._out, self._err = res
            self.stdout, self.stderr = io.BytesIO(), io.BytesIO()

        def communicate(self, *_: Any, **__: Any) -> tuple[bytes, bytes]:
            return self._out.encode(), self._err.encode()

    class Writer(io.StringIO):
        def __init__(self, path: str) -> None:
            super().__init__()
            self.path = path

        def close(self) -> None:
            if not self.closed:
                text = self.getvalue()
                super().close()
                vfs.write(self.path, text)

    def fake_open(path: Any, mode: str = "r", *a: Any, **k: Any) -> Any:
        if not _ours(path):
            return real_open(path, mode, *a, **k)
        if "w" in mode or "a" in mode:
            vfs.lookup(os.path.dirname(str(path)))
            return Writer(str(path))
        return io.StringIO(vfs.read(str(path)))

    class Stat:
        def __init__(self, mode: int) -> None:
            self.st_mode = mode

    def fake_stat(path: Any, *a: Any, **k: Any) -> Any:
        if not _ours(path):
            return real_stat(path, *a, **k)
        node = vfs.lookup(str(path))
        if node.is_dir:
            return Stat(stat.S_IFDIR | 0o755)
        return Stat(stat.S_IFREG | (0o600 if node.read else 0o200))

    def kind(path: Any, want_dir: bool, real: Any) -> bool:
        if not _ours(path):
            return real(path)
        try:
            return vfs.lookup(str(path)).is_dir == want_dir
        except OSError:
            return False

    builtins.open = fake_open  # type: ignore[assignment]
    os.listdir = lambda p=".": vfs.listdir(str(p)) if _ours(p) else real_listdir(p)  # type: ignore[assignment]
    os.stat = fake_stat  # type: ignore[assignment]
    os.path.isfile = lambda p: kind(p, False, real_isfile)
    os.path.isdir = lambda p: kind(p, True, real_isdir)
    subprocess.Popen = Popen  # type: ignore[assignment,misc]
    os.getuid = lambda: 0


def main(folder: str) -> None:
    install(EmulatorBackend().new_session())
    sys.argv = ["test_offload.py"]
    os.chdir(folder)
    runpy.run_path(os.path.join(folder, "test_offload.py"), run_name="__main__")


if __name__ == "__main__":
    main(sys.argv[1])
