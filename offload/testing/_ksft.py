"""Kernel-selftest vocabulary for offload tests: ``ksft_*`` assertions and ``defer``.

Modelled on tools/testing/selftests/net/lib/py (``ksft_eq``, ``ksft_raises``, ``defer``),
without its global state: a :class:`DeferQueue` belongs to one test and the pytest plugin
runs it at teardown, newest first, whether the test passed or not.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import attrs


class KsftFailure(AssertionError):
    """A ``ksft_*`` check failed (an ``AssertionError``, so pytest shows it as a failure)."""


def _fail(what: str, comment: str) -> None:
    raise KsftFailure(f"{what}{' — ' + comment if comment else ''}")


def ksft_eq(a: Any, b: Any, comment: str = "") -> None:
    """``a == b``, else fail with both values."""
    if a != b:
        _fail(f"Check failed {a!r} != {b!r}", comment)


def ksft_ne(a: Any, b: Any, comment: str = "") -> None:
    if a == b:
        _fail(f"Check failed {a!r} == {b!r}", comment)


def ksft_true(a: Any, comment: str = "") -> None:
    if not a:
        _fail(f"Check failed {a!r} does not eval to True", comment)


def ksft_in(a: Any, b: Any, comment: str = "") -> None:
    if a not in b:
        _fail(f"Check failed {a!r} not in {b!r}", comment)


def ksft_ge(a: Any, b: Any, comment: str = "") -> None:
    if a < b:
        _fail(f"Check failed {a!r} < {b!r}", comment)


def ksft_re(text: str, pattern: str, comment: str = "") -> None:
    """``pattern`` is found (``re.search``) in ``text``."""
    if re.search(pattern, text) is None:
        _fail(f"Check failed {pattern!r} not found in {text!r}", comment)


@contextmanager
def ksft_raises(expected: type[BaseException]) -> Iterator[list[BaseException]]:
    """The block must raise ``expected``; the exception is put in the yielded list."""
    caught: list[BaseException] = []
    try:
        yield caught
    except expected as exc:
        caught.append(exc)
        return
    _fail(f"Expected exception {expected.__name__} was not raised", "")


@attrs.define(eq=False)
class Deferred:
    """One registered cleanup; ``exec()`` runs it now (once), ``cancel()`` drops it."""

    queue: DeferQueue
    func: Callable[..., Any]
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    done: bool = False

    def exec(self) -> None:
        if self.done:
            return
        self.done = True
        self.queue.items.remove(self)
        self.func(*self.args, **self.kwargs)

    def cancel(self) -> None:
        if not self.done:
            self.done = True
            self.queue.items.remove(self)


@attrs.define
class DeferQueue:
    """Cleanups of one test, run in reverse order of registration by :meth:`run_all`."""

    items: list[Deferred] = attrs.field(factory=list)

    def __call__(self, func: Callable[..., Any], *args: Any, **kwargs: Any) -> Deferred:
        d = Deferred(self, func, args, kwargs)
        self.items.append(d)
        return d

    def run_all(self) -> list[BaseException]:
        """Run every pending cleanup, newest first; each runs even if an earlier one raised.
        Returns the exceptions raised (the plugin reports the first as a teardown error)."""
        errors: list[BaseException] = []
        while self.items:
            d = self.items[-1]
            try:
                d.exec()
            except Exception as exc:
                errors.append(exc)
        return errors
