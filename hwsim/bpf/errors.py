"""The one exception the BPF layer raises: an errno plus a kernel/tc-style message."""

from __future__ import annotations

import errno as _errno
import os


class BpfLoadError(Exception):
    """Loading, parsing or verifying a program failed.

    ``errno`` is what the kernel (or tc) would report — ``EINVAL`` for malformed input,
    ``EACCES`` for verifier rejections, ``EPERM``/``ENOENT`` where tc says so — and
    ``message`` the text tc or the verifier prints. ``log`` carries the verifier log.
    """

    def __init__(self, err: int, message: str, log: str = "") -> None:
        super().__init__(err, message)
        self.errno = err
        self.message = message
        self.log = log

    @property
    def strerror(self) -> str:
        return os.strerror(self.errno)

    def __str__(self) -> str:
        return self.message


class BpfRuntimeError(Exception):
    """The engine hit something a verified program cannot do (bad memory access, ...).

    Only reachable when running a program that was not verified, or when the verifier
    missed a case; the message names the instruction.
    """


EINVAL = _errno.EINVAL
EACCES = _errno.EACCES
ENOENT = _errno.ENOENT
E2BIG = _errno.E2BIG
EPERM = _errno.EPERM
EOPNOTSUPP = _errno.EOPNOTSUPP
