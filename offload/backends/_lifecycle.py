"""Cleanup that also runs when a run is killed: signals as exceptions, children that die
with their parent, and a private bpffs that leaves nothing behind.

- :func:`signals_raise` turns SIGTERM, SIGHUP and SIGINT into :class:`Interrupted` in the
  main thread, so every ``finally`` of a backend (namespace, children, qemu, temp folders)
  runs as on a normal exit; further signals are ignored while that cleanup runs.
- :func:`die_with_parent` (``prctl(PR_SET_PDEATHSIG, SIGKILL)``) goes into a child's
  pre-exec hook: if the backend's process is SIGKILLed, the child goes with it.
- :class:`PrivateBpffs` is a mount namespace of the backend's own with a fresh bpffs on
  ``/sys/fs/bpf``, which every tool enters: pins never reach the host's bpffs and die with
  the run, however it ends. (A detached ``fsmount`` cloned per tool would need no holder,
  but 6.1 refuses ``open_tree(OPEN_TREE_CLONE)`` of a detached mount.)
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import signal
import subprocess
from collections.abc import Iterator
from types import FrameType
from typing import Any

#: The signals that stop a run cleanly.
STOP_SIGNALS = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)

_LIBC = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
_PR_SET_PDEATHSIG = 1
_CLONE_NEWNS = 0x00020000
_MS_REC, _MS_SLAVE = 1 << 14, 1 << 19


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


def _sleep_path() -> str | None:
    for d in ("/usr/bin", "/bin"):
        p = os.path.join(d, "sleep")
        if os.access(p, os.X_OK):
            return p
    return None


class PrivateBpffs:
    """A mount namespace of the backend's own whose ``/sys/fs/bpf`` is a fresh bpffs.

    A holder process (``sleep infinity``, killed with the backend) owns the namespace: it
    is created in the holder's pre-exec hook (``unshare(CLONE_NEWNS)``, no propagation back
    to the host, a new bpffs mounted on ``/sys/fs/bpf``). Each tool enters it in its own
    pre-exec hook (:meth:`enter`: ``setns`` to the holder's mount namespace, then its root,
    as ``nsenter --mount --root`` does, so a chrooted guest stays in its root). The pins die
    with the namespace, when the holder is killed (at cleanup, or by ``PR_SET_PDEATHSIG``
    when the backend itself is killed). Nothing is mounted in the host's namespace."""

    def __init__(self) -> None:
        sleep = _sleep_path()
        if sleep is None:
            raise OSError("no sleep(1) for the bpffs holder")

        def setup() -> None:
            die_with_parent()
            _check(_LIBC.unshare(_CLONE_NEWNS), "unshare(CLONE_NEWNS)")
            _check(_LIBC.mount(None, b"/", None, _MS_REC | _MS_SLAVE, None), "mount(MS_SLAVE)")
            _check(_LIBC.mount(b"bpf", b"/sys/fs/bpf", b"bpf", 0, None), "mount(bpf)")

        self.holder: subprocess.Popen[bytes] | None = subprocess.Popen(
            [sleep, "infinity"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, preexec_fn=setup, start_new_session=True, cwd="/")
        try:
            pid = self.holder.pid
            self.ns_fd: int | None = os.open(f"/proc/{pid}/ns/mnt", os.O_RDONLY | os.O_CLOEXEC)
            self.root_fd: int | None = os.open(f"/proc/{pid}/root", os.O_RDONLY | os.O_DIRECTORY
                                               | os.O_CLOEXEC)
        except OSError:
            self.close()
            raise

    def enter(self) -> None:
        """Child side, between fork and exec (only preloaded ctypes calls). A failure ends
        the child with status 126 and a line on its stderr: the tool never runs outside."""
        ok = self.ns_fd is not None and self.root_fd is not None \
            and _LIBC.setns(self.ns_fd, _CLONE_NEWNS) == 0
        if ok:
            os.fchdir(self.root_fd)  # type: ignore[arg-type]
            ok = _LIBC.chroot(b".") == 0
        if not ok:
            os.write(2, b"offload: cannot enter the run's private bpffs namespace\n")
            os._exit(126)

    def close(self) -> None:
        for name in ("ns_fd", "root_fd"):
            fd = getattr(self, name, None)
            if fd is not None:
                with contextlib.suppress(OSError):
                    os.close(fd)
                setattr(self, name, None)
        holder, self.holder = self.holder, None
        if holder is not None:
            with contextlib.suppress(ProcessLookupError):
                holder.kill()
            with contextlib.suppress(subprocess.TimeoutExpired):
                holder.wait(timeout=5)


def private_bpffs() -> PrivateBpffs | None:
    """A :class:`PrivateBpffs`, or ``None`` where it cannot be made (then pins are
    refused)."""
    try:
        return PrivateBpffs()
    except (OSError, subprocess.SubprocessError):
        return None
