"""Errors as the kernel returns them: a negative errno plus an optional extack message.

``struct netlink_ext_ack`` is modelled by :class:`Extack`, a mutable holder that drivers and
the core set with :meth:`Extack.set` (``NL_SET_ERR_MSG``) or :meth:`Extack.set_mod`
(``NL_SET_ERR_MSG_MOD``, which prefixes the module name). :class:`TcError` is the one
exception type of the core; the front end renders it as iproute2 does.
"""

from __future__ import annotations

import errno as _errno
import os

import attrs

EPERM = _errno.EPERM
ENOENT = _errno.ENOENT
EIO = _errno.EIO
E2BIG = _errno.E2BIG
EBADF = _errno.EBADF
EAGAIN = _errno.EAGAIN
ENOMEM = _errno.ENOMEM
EBUSY = _errno.EBUSY
EEXIST = _errno.EEXIST
ENODEV = _errno.ENODEV
EINVAL = _errno.EINVAL
ENOSPC = _errno.ENOSPC
ERANGE = _errno.ERANGE
EOPNOTSUPP = _errno.EOPNOTSUPP
ENOBUFS = _errno.ENOBUFS
ELOOP = _errno.ELOOP


def strerror(err: int) -> str:
    """``strerror(3)`` of a positive or negative errno, as glibc prints it."""
    return os.strerror(abs(err))


def errno_text(ret: int) -> str:
    """A callback's answer, each errno once with its name and value: ``-ENOSPC (-28)``;
    ``0`` for success."""
    if ret >= 0:
        return str(ret)
    return f"-{errno_name(-ret)} ({ret})"


def errno_name(err: int) -> str:
    """``EOPNOTSUPP`` for -95 (the name, not the message; the kernel's spelling, where
    Python's table says ENOTSUP for the same number)."""
    if abs(err) == EOPNOTSUPP:
        return "EOPNOTSUPP"
    return _errno.errorcode.get(abs(err), f"E{abs(err)}")


@attrs.define
class Extack:
    """Mirrors ``struct netlink_ext_ack``: carries at most one message back to user space."""

    msg: str | None = None

    def set(self, msg: str) -> None:
        """``NL_SET_ERR_MSG(extack, msg)``."""
        self.msg = msg

    def set_mod(self, module: str, msg: str) -> None:
        """``NL_SET_ERR_MSG_MOD(extack, msg)``: the message gets ``"<module>: "`` in front."""
        self.msg = f"{module}: {msg}"


class TcError(Exception):
    """A kernel error: ``errno`` (positive) and the extack message, if any."""

    def __init__(self, err: int, extack: str | None = None) -> None:
        self.errno = abs(err)
        self.extack = extack
        super().__init__(extack or strerror(self.errno))

    @classmethod
    def from_ret(cls, ret: int, extack: Extack | None) -> TcError:
        return cls(ret, extack.msg if extack is not None else None)

    def __repr__(self) -> str:
        return f"TcError({errno_name(self.errno)}, {self.extack!r})"


def check(ret: int, extack: Extack | None = None) -> int:
    """Raise :class:`TcError` for a negative kernel return value; pass anything else through."""
    if ret < 0:
        raise TcError.from_ret(ret, extack)
    return ret


class BackendFailure(RuntimeError):
    """A place that runs scripts (the host kernel, the netdevsim VM) could not run them:
    no root, no tool, a VM that did not boot or died, a run stopped by a signal. Every
    backend's own error classes derive from it, so ``offload run`` maps them all to one
    clear message and exit status 2. ``partial`` holds the transcript entries of the lines
    that did run before the failure (empty when none did)."""

    def __init__(self, message: str = "", partial: list | None = None) -> None:  # type: ignore[type-arg]
        super().__init__(message)
        self.partial: list = list(partial or [])  # type: ignore[type-arg]
