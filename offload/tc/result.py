"""What one command did, and how a front-end command stops early.

iproute2's tools print to stdout/stderr and return (or ``exit()``) a status; here every
command returns a :class:`Result`, and the helpers that in C call ``exit(-1)`` (``invarg``,
``duparg``, ``incomplete_command`` in iproute2's lib/utils.c) raise :class:`CmdExit`, which the
command's entry point turns into a :class:`Result`. Nothing is ever printed directly.
"""

from __future__ import annotations

import attrs


def exit_status(code: int) -> int:
    """The status a shell sees for ``exit(code)``/``return code`` from ``main``: ``-1`` is 255."""
    return code & 0xFF


@attrs.frozen
class Result:
    """A finished command: exit status and its two output streams."""

    rc: int = 0
    stdout: str = ""
    stderr: str = ""


class CmdExit(Exception):
    """Stop the current command with ``rc`` after writing ``stderr`` (and ``stdout``).

    Mirrors the C helpers that print and ``exit(-1)``; ``rc`` is already an exit status
    (0..255)."""

    def __init__(self, rc: int, stderr: str = "", stdout: str = "") -> None:
        super().__init__(stderr)
        self.rc = exit_status(rc)
        self.stderr = stderr
        self.stdout = stdout

    def result(self, stdout_before: str = "") -> Result:
        return Result(self.rc, stdout_before + self.stdout, self.stderr)
