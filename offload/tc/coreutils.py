"""``echo [-n] WORDS [> PATH]``, ``cat PATH...`` and ``ls [PATH...]`` over the netdevsim VFS.

Messages are those of coreutils' ``cat``/``ls`` and of the shell for a failed redirect or a
failed write. The shell is named ``sh``, as in the host-kernel backend
(offload/backends/kernel.py), so transcripts of the two backends compare line for line.
"""

from __future__ import annotations

import errno
import os

from offload.tc.result import Result
from offload.vfs import ALLOWED_PREFIXES, Vfs, VfsForbidden, WriteError

SHELL = "sh"
_ONLY = " and ".join(ALLOWED_PREFIXES)


def echo(argv: list[str], redirect: str | None, vfs: Vfs) -> Result:
    """The shell builtin: one write(2) of the words joined by spaces and a newline."""
    words = list(argv)
    newline = "\n"
    if words[:1] == ["-n"]:
        words, newline = words[1:], ""
    text = " ".join(words) + newline
    if redirect is None:
        return Result(0, text)
    try:
        vfs.write(redirect, text)
    except VfsForbidden:
        return Result(1, "", f"offload: {redirect}: writing is only allowed under {_ONLY}\n")
    except OSError as exc:
        code = exc.errno or errno.EIO
        msg = os.strerror(code)
        if isinstance(exc, WriteError):
            return Result(1, "", f"{SHELL}: echo: write error: {msg}\n")
        return Result(1, "", f"{SHELL}: {redirect}: {msg}\n")
    return Result(0)


def cat(argv: list[str], vfs: Vfs) -> Result:
    out, err, rc = [], [], 0
    for path in argv:
        try:
            out.append(vfs.read(path))
        except VfsForbidden:
            err.append(f"offload: {path}: reading is only allowed under {_ONLY}\n")
            rc = 1
        except OSError as exc:
            err.append(f"cat: {path}: {os.strerror(exc.errno or errno.EIO)}\n")
            rc = 1
    return Result(rc, "".join(out), "".join(err))


def ls(argv: list[str], vfs: Vfs) -> Result:
    paths = [a for a in argv if not a.startswith("-")] or ["."]
    out, err, rc = [], [], 0
    many = len(paths) > 1
    for i, path in enumerate(paths):
        try:
            names = vfs.listdir(path)
        except VfsForbidden:
            err.append(f"offload: {path}: listing is only allowed under {_ONLY}\n")
            rc = 2
            continue
        except OSError as exc:
            if exc.errno == errno.ENOTDIR:
                out.append(path + "\n")
                continue
            err.append(f"ls: cannot access '{path}': {os.strerror(exc.errno or 2)}\n")
            rc = 2
            continue
        if many:
            out.append(("\n" if i else "") + f"{path}:\n")
        out.extend(n + "\n" for n in names)
    return Result(rc, "".join(out), "".join(err))


def rm(argv: list[str], vfs: Vfs) -> Result:
    """coreutils ``rm [-f] PATH...`` (unlink(2) each; ``-f`` hides a missing one)."""
    force = any(a.startswith("-") and "f" in a for a in argv)
    paths = [a for a in argv if not a.startswith("-")]
    if not paths:
        return Result(0 if force else 1, "", "" if force else
                      "rm: missing operand\nTry 'rm --help' for more information.\n")
    err, rc = [], 0
    for path in paths:
        try:
            vfs.unlink(path)
        except VfsForbidden:
            err.append(f"offload: {path}: removing is only allowed under {_ONLY}\n")
            rc = 1
        except OSError as exc:
            if force and exc.errno == errno.ENOENT:
                continue
            err.append(f"rm: cannot remove '{path}': {os.strerror(exc.errno or errno.EIO)}\n")
            rc = 1
    return Result(rc, "", "".join(err))


def mkdir(argv: list[str], vfs: Vfs) -> Result:
    """coreutils ``mkdir [-p] PATH...`` (``-p``: an existing folder is fine)."""
    parents = any(a.startswith("-") and "p" in a for a in argv)
    paths = [a for a in argv if not a.startswith("-")]
    if not paths:
        return Result(1, "", "mkdir: missing operand\n"
                      "Try 'mkdir --help' for more information.\n")
    err, rc = [], 0
    for path in paths:
        try:
            vfs.mkdir(path)
        except VfsForbidden:
            err.append(f"offload: {path}: creating is only allowed under {_ONLY}\n")
            rc = 1
        except OSError as exc:
            if parents and exc.errno == errno.EEXIST:
                continue
            err.append(f"mkdir: cannot create directory '{path}': "
                       f"{os.strerror(exc.errno or errno.EIO)}\n")
            rc = 1
    return Result(rc, "", "".join(err))


def rmdir(argv: list[str], vfs: Vfs) -> Result:
    """coreutils ``rmdir PATH...``."""
    paths = [a for a in argv if not a.startswith("-")]
    if not paths:
        return Result(1, "", "rmdir: missing operand\n"
                      "Try 'rmdir --help' for more information.\n")
    err, rc = [], 0
    for path in paths:
        try:
            vfs.rmdir(path)
        except VfsForbidden:
            err.append(f"offload: {path}: removing is only allowed under {_ONLY}\n")
            rc = 1
        except OSError as exc:
            err.append(f"rmdir: failed to remove '{path}': "
                       f"{os.strerror(exc.errno or errno.EIO)}\n")
            rc = 1
    return Result(rc, "", "".join(err))
