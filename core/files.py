"""Reading a file named on a command line, the way the real tools do, minus their hazards.

The tools open what they are given: a FIFO blocks ``open(2)`` until a writer comes, and
``/dev/zero`` never ends. :func:`read_regular` opens without blocking (``O_NONBLOCK``),
refuses anything but a regular file (after following symlinks), and reads at most ``limit``
bytes, so no script line can hang the emulator or fill its memory.
"""

from __future__ import annotations

import errno
import os
import stat


class NotRegular(OSError):
    """The path is a FIFO, a device, a socket or a folder (``errno`` EINVAL)."""


def read_regular(path: str | os.PathLike[str], limit: int) -> bytes:
    """Up to ``limit`` bytes of the regular file ``path``; ``OSError`` (``NotRegular`` for
    anything that is not a regular file) like ``open(2)``/``read(2)`` would raise."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            kind = "a folder" if stat.S_ISDIR(st.st_mode) else "not a regular file"
            raise NotRegular(errno.EINVAL, kind, str(path))
        chunks, left = [], limit
        while left > 0:
            b = os.read(fd, min(left, 1 << 20))
            if not b:
                break
            chunks.append(b)
            left -= len(b)
        return b"".join(chunks)
    finally:
        os.close(fd)
