"""A minimal writer for the cpio "newc" format the kernel unpacks as an initramfs.

Mirrors what ``usr/gen_init_cpio.c`` emits: 110-byte ASCII headers (magic ``070701``),
NUL-terminated names, both padded to 4 bytes, ended by ``TRAILER!!!``. Built in Python so no
shell ever sees a path or file content.
"""

from __future__ import annotations

import stat
from typing import BinaryIO

import attrs


@attrs.frozen
class CpioEntry:
    """One archive member: a regular file, a directory, a symlink or a device node."""

    name: str
    mode: int
    data: bytes = b""
    rdev: tuple[int, int] = (0, 0)


def file(name: str, data: bytes, perm: int = 0o644) -> CpioEntry:
    return CpioEntry(name, stat.S_IFREG | perm, data)


def directory(name: str, perm: int = 0o755) -> CpioEntry:
    return CpioEntry(name, stat.S_IFDIR | perm)


def symlink(name: str, target: str) -> CpioEntry:
    return CpioEntry(name, stat.S_IFLNK | 0o777, target.encode())


def chardev(name: str, major: int, minor: int, perm: int = 0o600) -> CpioEntry:
    return CpioEntry(name, stat.S_IFCHR | perm, rdev=(major, minor))


def _pad(n: int) -> bytes:
    return b"\0" * (-n % 4)


def write_newc(out: BinaryIO, entries: list[CpioEntry]) -> None:
    """Write ``entries`` (parents before children) and the trailer to ``out``."""
    ino = 1
    for e in [*entries, CpioEntry("TRAILER!!!", 0)]:
        name = e.name.lstrip("/").encode() + b"\0"
        fields = (
            ino, e.mode, 0, 0, 1 if not stat.S_ISDIR(e.mode) else 2, 0, len(e.data),
            0, 0, e.rdev[0], e.rdev[1], len(name), 0,
        )
        header = b"070701" + b"".join(b"%08X" % f for f in fields)
        out.write(header + name + _pad(len(header) + len(name)))
        out.write(e.data + _pad(len(e.data)))
        ino += 1
