"""Cleanup that also runs when a run is killed: signals as exceptions, children that die
with their parent, and a private bpffs that leaves nothing behind.

- :func:`signals_raise` turns SIGTERM, SIGHUP and SIGINT into :class:`Interrupted` in the
  main thread, so every ``finally`` of a backend (namespace, children, qemu, temp folders)
  runs as on a normal exit; further signals are ignored while that cleanup runs.
- :func:`die_with_parent` (``prctl(PR_SET_PDEATHSIG, SIGKILL)``) goes into a child's
  pre-exec hook: if the backend's process is SIGKILLed, the child goes with it.
- :class:`PrivateBpffs` is a bpffs instance made with the new mount API (``fsopen``/
  ``fsmount``, Linux >= 5.2): it is attached nowhere in the caller's mount namespace, only
  cloned (``open_tree(OPEN_TREE_CLONE)``) onto ``/sys/fs/bpf`` in each tool's own mount
  namespace. Its pins die when the backend closes the descriptor, or exits in any way.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import signal
from collections.abc import Iterator
from types import FrameType
from typing import Any

#: The signals that stop a run cleanly.
STOP_SIGNALS = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)

_LIBC = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
_PR_SET_PDEATHSIG = 1
_CLONE_NEWNS = 0x00020000
_MS_REC, _MS_SLAVE = 1 << 14, 1 << 19
# x86_64 and the generic table agree on these numbers (they were added after the split)
_SYS_OPEN_TREE, _SYS_MOVE_MOUNT, _SYS_FSOPEN, _SYS_FSCONFIG, _SYS_FSMOUNT = 428, 429, 430, \
    431, 432
_FSCONFIG_CMD_CREATE = 6
_OPEN_TREE_CLONE, _OPEN_TREE_CLOEXEC, _AT_EMPTY_PATH = 1, 0o2000000, 0x1000
_MOVE_MOUNT_F_EMPTY_PATH = 4
_AT_FDCWD = -100


class Interrupted(BaseException):
    """A stop signal arrived during a run; ``partial`` is what ran before it."""

    def __init__(self, signum: int, partial: list | None = None) -> None:  # type: ignore[type-arg]
        super().__init__(f"stopped by {signal.Signals(signum).name}")
        self.signum = signum
        self.partial: list = list(partial or [])  # type: ignore[type-arg]


@contextlib.contextmanager
def signals_raise() -> Iterator[None]:
    """Within the block, a stop signal raises :class:`Interrupted` (once); later ones are
    ignored until the block is left, so cleanup is not itself interrupted."""
    fired: list[int] = []

    def handler(signum: int, frame: FrameType | None) -> None:
        if fired:
            return
        fired.append(signum)
        raise Interrupted(signum)

    old: dict[int, Any] = {}
    try:
        for s in STOP_SIGNALS:
            old[s] = signal.signal(s, handler)
    except ValueError:  # not the main thread: leave signals alone
        for s, h in old.items():
            signal.signal(s, h)
        yield
        return
    try:
        yield
    finally:
        for s, h in old.items():
            signal.signal(s, h)


def block_signals() -> None:
    """Ignore stop signals from now on (during a cleanup that must finish)."""
    with contextlib.suppress(ValueError):
        for s in STOP_SIGNALS:
            signal.signal(s, signal.SIG_IGN)


def die_with_parent() -> None:
    """In a forked child: SIGKILL it when the parent dies."""
    _LIBC.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def _check(rc: int, what: str) -> int:
    if rc < 0:
        err = ctypes.get_errno()
        raise OSError(err, f"{what}: {os.strerror(err)}")
    return rc


class PrivateBpffs:
    """A detached bpffs instance; :meth:`enter` (in a child, before exec) shows it on
    ``/sys/fs/bpf`` in a mount namespace of the child's own."""

    def __init__(self) -> None:
        sc = _LIBC.syscall
        fs = _check(sc(_SYS_FSOPEN, b"bpf", 0), "fsopen(bpf)")
        try:
            _check(sc(_SYS_FSCONFIG, fs, _FSCONFIG_CMD_CREATE, None, None, 0), "fsconfig")
            self.fd: int | None = _check(sc(_SYS_FSMOUNT, fs, 0, 0), "fsmount")
        finally:
            os.close(fs)
        os.set_inheritable(self.fd, False)

    def enter(self) -> None:
        """Child side: new mount namespace, no propagation back, the bpffs on /sys/fs/bpf.
        Only preloaded ctypes calls (this runs between fork and exec)."""
        sc = _LIBC.syscall
        if self.fd is None or _LIBC.unshare(_CLONE_NEWNS) != 0:
            os._exit(126)
        if _LIBC.mount(None, b"/", None, _MS_REC | _MS_SLAVE, None) != 0:
            os._exit(126)
        tree = sc(_SYS_OPEN_TREE, self.fd, b"", _OPEN_TREE_CLONE | _OPEN_TREE_CLOEXEC
                  | _AT_EMPTY_PATH)
        if tree < 0 or sc(_SYS_MOVE_MOUNT, tree, b"", _AT_FDCWD, b"/sys/fs/bpf",
                          _MOVE_MOUNT_F_EMPTY_PATH) != 0:
            os._exit(126)

    def close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None


def private_bpffs() -> PrivateBpffs | None:
    """A :class:`PrivateBpffs`, or ``None`` where the kernel cannot make one."""
    try:
        return PrivateBpffs()
    except OSError:
        return None
