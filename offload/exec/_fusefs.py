"""The netdevsim files as a real file system (FUSE, through mfusepy), over
:class:`offload.vfs.Vfs`.

One FUSE mount serves three top folders, each bind-mounted where the kernel has it:
``bus`` is ``/sys/bus/netdevsim``, ``debug`` is ``/sys/kernel/debug`` (with ``netdevsim/``
in it) and ``bpf`` is ``/sys/fs/bpf``. Files behave as sysfs/debugfs attributes: their size
says nothing (they are opened with ``direct_io``, so ``cat`` and ``read()`` get the value
the emulator holds at open time), ``open(O_TRUNC)`` is accepted, every ``write(2)`` is one
store (``kernfs_fop_write_iter()``/debugfs ``write``) whose errno is the handler's, and a
file with no show (``new_device``) cannot be opened for reading (EACCES, as
``kernfs_fop_open()``).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import threading
import time
from typing import Any

from offload.vfs import VfsForbidden

#: FUSE top folder -> the path the Vfs knows it by.
TOPS = {"bus": "/sys/bus/netdevsim", "debug": "/sys/kernel/debug", "bpf": "/sys/fs/bpf"}


def _oserr(code: int) -> OSError:
    return OSError(code, os.strerror(code))


class NetdevsimFs:
    """mfusepy operations (``use_ns`` times) over one :class:`Emulation`."""

    use_ns = True

    def __init__(self, emulation: Any) -> None:
        self.em = emulation
        self.vfs = emulation.vfs
        self.t0 = time.time_ns()
        self.uid, self.gid = os.getuid(), os.getgid()
        self._fh = 0
        self._open: dict[int, tuple[str, bytes | None]] = {}
        self._fh_lock = threading.Lock()
        self.ready: threading.Event | None = None

    def init(self, path: str = "/") -> None:
        """The mount is up (libfuse calls this before serving the first request)."""
        if self.ready is not None:
            self.ready.set()

    def _locked(self) -> contextlib.AbstractContextManager[None]:
        return self.em.fs_locked()

    # -- paths --------------------------------------------------------------------------------
    @staticmethod
    def vpath(path: str) -> str | None:
        """The Vfs path of a FUSE path (``None`` for the FUSE root)."""
        parts = path.strip("/").split("/", 1)
        if not parts[0]:
            return None
        top = TOPS.get(parts[0])
        if top is None:
            raise _oserr(errno.ENOENT)
        return top + ("/" + parts[1] if len(parts) > 1 else "")

    def _node(self, vpath: str) -> Any:
        if vpath == "/sys/kernel/debug":
            return None  # a folder of its own: netdevsim/ in it
        try:
            with self._locked():
                try:  # lstat(): the kernel follows links itself, through readlink
                    return self.vfs.lookup(vpath, follow=False)
                except TypeError:  # a Vfs without links
                    return self.vfs.lookup(vpath)
        except VfsForbidden:
            if vpath == "/sys/fs/bpf":
                return None  # a Vfs without the bpf tree: an empty bpffs
            raise _oserr(errno.ENOENT) from None

    def _dir(self) -> dict[str, Any]:
        return {"st_mode": stat.S_IFDIR | 0o755, "st_nlink": 2, "st_size": 0}

    # -- metadata -----------------------------------------------------------------------------
    def getattr(self, path: str, fh: Any = None) -> dict[str, Any]:
        vpath = self.vpath(path)
        st: dict[str, Any]
        if vpath is None:
            st = self._dir()
        else:
            node = self._node(vpath)
            link = getattr(node, "link", None) if node is not None else None
            if node is None or (link is None and node.is_dir):
                st = self._dir()
            elif link is not None:
                st = {"st_mode": stat.S_IFLNK | 0o777, "st_nlink": 1,
                      "st_size": len(link())}
            else:
                mode = (0o444 if node.read is not None else 0) | \
                       (0o200 if node.write is not None else 0)
                st = {"st_mode": stat.S_IFREG | mode, "st_nlink": 1,
                      "st_size": 4096 if vpath.startswith("/sys/bus/") else 0}
        t = self.t0
        st.update(st_uid=self.uid, st_gid=self.gid, st_atime=t, st_mtime=t, st_ctime=t)
        return st

    def readdir(self, path: str, fh: Any) -> list[str]:
        vpath = self.vpath(path)
        if vpath is None:
            names = list(TOPS)
        elif vpath == "/sys/kernel/debug":
            names = ["netdevsim"]
        else:
            try:
                with self._locked():
                    names = self.vfs.listdir(vpath)
            except VfsForbidden:
                if vpath != "/sys/fs/bpf":
                    raise _oserr(errno.ENOENT) from None
                names = []
        return [".", "..", *names]

    def readlink(self, path: str) -> str:
        vpath = self.vpath(path)
        node = self._node(vpath) if vpath is not None else None
        link = getattr(node, "link", None) if node is not None else None
        if link is None:
            raise _oserr(errno.EINVAL)
        with self._locked():
            return str(link())

    def statfs(self, path: str) -> dict[str, Any]:
        return {"f_bsize": 4096, "f_frsize": 4096, "f_namemax": 255}

    # -- files ---------------------------------------------------------------------------------
    def open(self, path: str, fi: Any) -> int:
        vpath = self.vpath(path)
        if vpath is None:
            raise _oserr(errno.EISDIR)
        node = self._node(vpath)
        if node is None or node.is_dir:
            raise _oserr(errno.EISDIR)
        acc = fi.flags & os.O_ACCMODE
        if acc in (os.O_RDONLY, os.O_RDWR) and node.read is None:
            raise _oserr(errno.EACCES)
        if acc in (os.O_WRONLY, os.O_RDWR) and node.write is None:
            raise _oserr(errno.EACCES)
        data = None
        if acc != os.O_WRONLY:
            with self._locked():
                data = self.vfs.read(vpath).encode()
        fi.direct_io = 1
        with self._fh_lock:
            self._fh += 1
            fi.fh = self._fh
            self._open[self._fh] = (vpath, data)
        return 0

    def read(self, path: str, size: int, offset: int, fi: Any) -> bytes:
        entry = self._open.get(fi.fh)
        if entry is None or entry[1] is None:
            raise _oserr(errno.EBADF)
        return entry[1][offset:offset + size]

    def write(self, path: str, data: bytes, offset: int, fi: Any) -> int:
        entry = self._open.get(fi.fh)
        if entry is None:
            raise _oserr(errno.EBADF)
        self.em.write_file(entry[0], data.decode("utf-8", "surrogateescape"))
        return len(data)

    def truncate(self, path: str, length: int, fh: Any = None) -> int:
        return 0  # O_TRUNC on an attribute: accepted, nothing to cut

    def release(self, path: str, fi: Any) -> int:
        self._open.pop(fi.fh, None)
        return 0

    def unlink(self, path: str) -> int:
        vpath = self.vpath(path)
        if vpath is None or not vpath.startswith("/sys/fs/bpf/"):
            raise _oserr(errno.EPERM)
        remove = getattr(self.vfs, "unlink", None) or getattr(self.vfs, "remove", None)
        if remove is None:
            raise _oserr(errno.ENOENT)
        self.em.unlink_file(vpath, remove)
        return 0

    def create(self, path: str, mode: int, fi: Any = None) -> int:
        raise _oserr(errno.EACCES)  # sysfs/debugfs have no ->create

    def mkdir(self, path: str, mode: int) -> int:
        vpath = self.vpath(path)
        mk = getattr(self.vfs, "mkdir", None)
        if vpath is None or not vpath.startswith("/sys/fs/bpf/") or mk is None:
            raise _oserr(errno.EPERM)
        with self._locked():
            mk(vpath)
        return 0

    def rmdir(self, path: str) -> int:
        vpath = self.vpath(path)
        rm = getattr(self.vfs, "rmdir", None)
        if vpath is None or not vpath.startswith("/sys/fs/bpf/") or rm is None:
            raise _oserr(errno.EPERM)
        with self._locked():
            rm(vpath)
        return 0

    def chmod(self, path: str, mode: int) -> int:
        return 0

    def chown(self, path: str, uid: int, gid: int) -> int:
        return 0

    def utimens(self, path: str, times: Any = None) -> int:
        return 0


def serve(emulation: Any, mountpoint: str, ready: threading.Event,
          errors: list[BaseException]) -> None:
    """Mount and serve until unmounted (runs in its own thread; ``ready`` is set once the
    mount is up, or on failure with the exception in ``errors``)."""
    try:
        import mfusepy
    except (ImportError, OSError) as exc:
        errors.append(exc)
        ready.set()
        return
    ops = NetdevsimFs(emulation)
    ops.ready = ready
    try:
        # no attribute or entry caching: devices come and go with every command
        mfusepy.FUSE(ops, mountpoint, foreground=True, raw_fi=True, fsname="offload",
                     subtype="offload", entry_timeout=0, attr_timeout=0, negative_timeout=0)
    except BaseException as exc:
        errors.append(exc)
    finally:
        ready.set()
