"""The driver boundary: every call from the core into a driver goes through :class:`Boundary`.

A driver is somebody else's code. Whatever one of its hooks does — raise anything
(``BaseException`` included: ``KeyboardInterrupt``, ``SystemExit``, ``GeneratorExit``),
return something that is not an errno (a ``bool``, a ``str``, ``None``, a positive number, a
"negative errno" outside ``-MAX_ERRNO..-1`` such as ``-2**63``), rewrite the request it was
given, or run longer than the limit — is a **driver error**: the call's outcome is
:class:`Outcome` with ``error`` set to a sentence naming what the driver did, and the core
goes on exactly as if the driver had answered ``-EIO`` (``DRIVER_ERROR``), the errno a
failing device's ``ndo_setup_tc`` most often gives the kernel. Nothing the driver does can
leave the core half-way through an operation.

The watchdog. Hooks run on a worker thread while the core waits at most ``timeout``
seconds (default :data:`DEFAULT_TIMEOUT`, ``OFFLOAD_DRIVER_TIMEOUT`` in the environment, or
``Emulator(driver_timeout=...)``; ``0`` or ``None`` waits for ever). A hook that is still
running then is abandoned: the core records a driver error and carries on. Python cannot
kill a thread, so the late hook may still finish later; whatever it returns then is
ignored, and anything it changes in its own driver's state afterwards is the driver's
problem (the audit reports it as the hardware disagreeing with the kernel).

Ctrl-C. While a command runs, :meth:`Boundary.defer_sigint` turns SIGINT into a request
(``interrupt_requested``): a hook being waited for is abandoned at once (a driver error),
the core completes the operation consistently, and the command's caller re-raises
``KeyboardInterrupt`` at the command boundary (``offload.runner.Session.execute``). A
``KeyboardInterrupt`` *raised by a hook itself* is a driver bug, not a Ctrl-C, and is only
recorded.
"""

from __future__ import annotations

import _signal
import os
import queue
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import attrs

from core.errors import EIO

#: The largest errno a kernel return value can carry (``MAX_ERRNO``, include/linux/err.h).
MAX_ERRNO = 4095
#: What the core does with a driver error: proceed as if the driver answered ``-EIO``.
DRIVER_ERROR = -EIO
#: Seconds a hook may run before the watchdog abandons it.
DEFAULT_TIMEOUT = 5.0
_POLL = 0.05  # how often a wait looks at a deferred Ctrl-C
_SIGINT = int(signal.SIGINT)


def default_timeout() -> float | None:
    """``OFFLOAD_DRIVER_TIMEOUT`` (seconds, ``0`` = no limit) or :data:`DEFAULT_TIMEOUT`."""
    text = os.environ.get("OFFLOAD_DRIVER_TIMEOUT")
    if not text:
        return DEFAULT_TIMEOUT
    try:
        value = float(text)
    except ValueError:
        return DEFAULT_TIMEOUT
    return value if value > 0 else None


def errno_problem(ret: Any, hook: str) -> str | None:
    """Why ``ret`` is not a valid ``0 / -errno`` answer (``None`` when it is)."""
    if isinstance(ret, bool) or not isinstance(ret, int):
        return f"{hook} returned {_short(ret)}, not 0 or a negative errno"
    if ret > 0 or ret < -MAX_ERRNO:
        return f"{hook} returned {ret}, not 0 or a negative errno in -{MAX_ERRNO}..-1"
    return None


def is_inline(driver: Any) -> bool:
    """A driver that opted out of the watchdog (``offload_inline = True``)."""
    return getattr(driver, "offload_inline", False) is True


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


@attrs.frozen
class Outcome:
    """What a hook did: its return ``value`` (``None`` after a driver error) and the
    driver ``error`` sentence, if any."""

    value: Any
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


class _Job:
    __slots__ = ("args", "done", "exc", "fn", "value")

    def __init__(self, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
        self.fn, self.args = fn, args
        self.done = threading.Event()
        self.value: Any = None
        self.exc: BaseException | None = None


class _Worker:
    """One daemon thread running hooks one at a time. A worker whose hook overran is
    retired (left to finish on its own) and a fresh one takes the next hook."""

    def __init__(self) -> None:
        self.jobs: queue.SimpleQueue[_Job] = queue.SimpleQueue()
        self.thread = threading.Thread(target=self._loop, name="offload-driver", daemon=True)
        self.thread.start()

    def _loop(self) -> None:
        while True:
            job = self.jobs.get()
            try:
                job.value = job.fn(*job.args)
            except BaseException as exc:
                job.exc = exc
            job.done.set()


_worker_lock = threading.Lock()
_workers: dict[int, _Worker] = {}  # per calling thread: hooks of one thread stay ordered


def _worker() -> _Worker:
    key = threading.get_ident()
    w = _workers.get(key)
    if w is None:
        with _worker_lock:
            w = _workers.setdefault(key, _Worker())
    return w


def _retire_worker() -> None:
    with _worker_lock:
        _workers.pop(threading.get_ident(), None)


@attrs.define
class Boundary:
    """The core's side of every driver call, with its watchdog (see the module docstring).

    ``timeout``: seconds a hook may run (``None``: no limit, and hooks run on the caller's
    thread — then only Ctrl-C is deferred, and a hung hook hangs).
    """

    timeout: float | None = attrs.field(factory=default_timeout)
    interrupt_requested: bool = False
    #: ``(owner, error)`` of every failed ``offload_holdings`` call, oldest first (the
    #: invariant checker turns new ones into driver-blamed violations)
    holdings_errors: list[tuple[str, str]] = attrs.field(factory=list)
    _deferring: bool = False

    def call(self, fn: Callable[..., Any], *args: Any, inline: bool = False) -> Outcome:
        """Run ``fn(*args)`` under the watchdog; any raise or overrun is an error.
        ``inline``: a driver that declares ``offload_inline = True`` (the in-tree simulated
        NIC, whose hooks are the project's own and tested) runs on the caller's thread:
        every check but the watchdog still applies."""
        if inline or self.timeout is None:
            try:
                return Outcome(fn(*args))
            except BaseException as exc:
                return Outcome(None, _raised(exc))
        job = _Job(fn, args)
        _worker().jobs.put(job)
        waited = 0.0
        while True:
            try:
                if job.done.wait(min(_POLL, self.timeout - waited)):
                    break
            except KeyboardInterrupt:  # a Ctrl-C not deferred: defer it from here on
                self.interrupt_requested = True
            waited += _POLL
            if self.interrupt_requested:
                _retire_worker()
                return Outcome(None, "interrupted (Ctrl-C) while the driver was running; "
                                     "its late answer is ignored")
            if waited >= self.timeout:
                _retire_worker()
                return Outcome(None, f"did not return within {self.timeout:g} s (watchdog); "
                                     "its late answer and side effects are ignored")
        if job.exc is not None:
            return Outcome(None, _raised(job.exc))
        return Outcome(job.value)

    def call_errno(self, hook: str, fn: Callable[..., Any], *args: Any,
                   inline: bool = False) -> tuple[int, str | None]:
        """Call a hook that answers ``0`` or ``-errno``: ``(ret, error)``; on a driver error
        ``ret`` is :data:`DRIVER_ERROR`."""
        if inline or self.timeout is None:  # the hot path (every simulated-NIC request)
            try:
                ret = fn(*args)
            except BaseException as exc:
                return DRIVER_ERROR, _raised(exc)
            if type(ret) is int and -MAX_ERRNO <= ret <= 0:
                return ret, None
            return DRIVER_ERROR, errno_problem(ret, hook) or f"{hook} returned {ret!r}"
        out = self.call(fn, *args, inline=inline)
        if out.error is not None:
            return DRIVER_ERROR, out.error
        problem = errno_problem(out.value, hook)
        if problem is not None:
            return DRIVER_ERROR, problem
        return int(out.value), None

    def holdings(self, block_cb: Any) -> tuple[Any, ...] | None:
        """The driver's ``offload_holdings(cb_priv)`` for a callback, as a tuple; ``None``
        when the driver has no such hook or the hook failed (recorded in
        :attr:`holdings_errors`): it must return a list or tuple, within the limit."""
        driver = getattr(block_cb.cb, "__self__", None)
        hook = getattr(driver, "offload_holdings", None)
        if hook is None:
            return None

        if getattr(driver, "offload_inline", False) is True:  # the hot path
            try:
                held = hook(block_cb.cb_priv)
            except BaseException as exc:
                self.holdings_errors.append((str(block_cb.owner),
                                             f"offload_holdings {_raised(exc)}"))
                return None
            if type(held) is list or type(held) is tuple:
                return tuple(held)

        def read() -> tuple[Any, ...]:
            held = hook(block_cb.cb_priv)
            if not isinstance(held, list | tuple):
                raise TypeError(f"returned {_short(held)}, not a list of programs")
            return tuple(held)

        out = self.call(read, inline=is_inline(driver))
        if out.error is not None:
            msg = out.error.replace("raised TypeError: returned", "returned", 1)
            self.holdings_errors.append((str(block_cb.owner), f"offload_holdings {msg}"))
            return None
        return out.value  # type: ignore[no-any-return]

    def take_interrupt(self) -> bool:
        """True (once) if a Ctrl-C arrived while the last command ran."""
        if self.interrupt_requested:
            self.interrupt_requested = False
            return True
        return False

    @contextmanager
    def defer_sigint(self) -> Iterator[None]:
        """While the block runs, SIGINT sets :attr:`interrupt_requested` instead of running
        the handler in place (main thread only; elsewhere this does nothing; nested uses
        are free). Whoever called it re-delivers the signal afterwards (``Session.execute``:
        ``signal.raise_signal``), so the handler that was in place — Python's
        ``KeyboardInterrupt``, or a command's own — runs at the command boundary."""
        if self._deferring or threading.current_thread() is not threading.main_thread():
            yield
            return
        # _signal: the C functions, without signal's enum conversions (this runs per command)
        try:
            previous = _signal.getsignal(_SIGINT)
        except ValueError:  # pragma: no cover - not the main interpreter
            yield
            return
        if previous in (signal.SIG_IGN, None):
            yield  # ignored (a cleanup that must finish), or not set from Python
            return

        def handler(signum: int, frame: Any) -> None:
            self.interrupt_requested = True

        _signal.signal(_SIGINT, handler)
        self._deferring = True
        try:
            yield
        finally:
            self._deferring = False
            _signal.signal(_SIGINT, previous)


def _raised(exc: BaseException) -> str:
    text = str(exc)
    return f"raised {type(exc).__name__}" + (f": {text[:200]}" if text else "")
