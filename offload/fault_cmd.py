"""Fault injection at the bus level, for any driver, and the ``fault`` script command.

The simulated NIC consults a :class:`hwsim.faults.FaultPlan` itself, but a third-party
driver plugin does not. :class:`FaultShim` wraps a driver's ``ndo_setup_tc`` (bind/unbind)
and every :class:`core.offload.FlowBlockCb` callback it registers, and asks the emulator's
plan (``emu.faults``) before the driver sees each request — exactly where the simulated NIC
asks it. So faults, and their numbering, are the same for every driver. A driver that
already consults ``emu.faults`` gets a private empty plan instead, so no request is counted
twice.

The shim also keeps a :class:`Trace`: one :class:`Invocation` per request, numbered per
device (``nth``), which the explorer uses to enumerate where faults can go.

Script syntax (one line each)::

    fault DEV|all {add|replace|remove|stats|bind|unbind|any} [nth N] [errno NAME]
          [extack TEXT] [during rollback|replay] [raise|reset]
    fault DEV|all reset now      # the card behind DEV (every card: all) resets at once
    fault clear

A rule's ``nth`` counts the matching requests from the moment the line runs.
"""

from __future__ import annotations

import errno as errno_mod
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from core.driver import set_extack
from core.offload import FlowBlockCb, FlowBlockCommand, TcClsBpfCommand, TcSetupType
from hwsim.faults import KINDS, FaultPlan, FaultRule, RequestInfo

if TYPE_CHECKING:
    from offload.emulator import Emulator

USAGE = (
    "Usage: fault DEV|all {add|replace|remove|stats|bind|unbind|any} [nth N] [errno NAME]\n"
    "             [extack TEXT] [during rollback|replay] [raise|reset]\n"
    "       fault DEV|all reset now\n"
    "       fault clear\n"
)


class FaultSyntaxError(ValueError):
    """A ``fault`` line that does not parse; the message is what the user sees."""


@attrs.frozen
class Invocation:
    """One request a driver was asked to handle (a bus callback or a bind/unbind)."""

    step: int
    dev: str
    nth: int  # 1-based, per device, over the whole run
    kind: str
    op: str
    prog: str | None


@attrs.define
class Trace:
    """Every invocation seen by the shims of one emulator, in order."""

    invocations: list[Invocation] = attrs.field(factory=list)
    per_dev: dict[str, int] = attrs.field(factory=dict)

    def note(self, step: int, req: RequestInfo) -> None:
        n = self.per_dev.get(req.port, 0) + 1
        self.per_dev[req.port] = n
        self.invocations.append(Invocation(step, req.port, n, req.kind, req.op, req.prog_name))


def request_kind(type_: Any, req: Any) -> str:
    """The fault-plan kind of a cls_bpf request: add/replace/remove/stats."""
    if type_ != TcSetupType.TC_SETUP_CLSBPF:
        return "any"
    if getattr(req, "command", None) == TcClsBpfCommand.TC_CLSBPF_STATS:
        return "stats"
    prog, old = getattr(req, "prog", None), getattr(req, "oldprog", None)
    if prog is not None and old is not None:
        return "replace"
    return "add" if prog is not None else "remove"


class _Hardware:
    """What a ``reset`` rule resets: the card behind one device."""

    def __init__(self, driver: Any, dev: Any) -> None:
        self.driver, self.dev = driver, dev

    def reset(self) -> None:
        reset_hardware(self.driver, self.dev)


def reset_hardware(driver: Any, dev: Any) -> bool:
    """Reset the hardware behind ``dev``: the simulated NIC's card (``driver.hw.reset()``)
    or a plugin's ``offload_reset(dev)`` hook. False if the driver offers neither."""
    hook = getattr(driver, "offload_reset", None)
    if callable(hook):
        hook(dev)
        return True
    hw = getattr(driver, "hw", None)
    if hw is not None and callable(getattr(hw, "reset", None)):
        hw.reset()
        return True
    return False


class _NdoShim:
    """A driver's ``ndo_setup_tc`` with the fault check in front of bind/unbind (a class,
    not a closure, so that an explorer checkpoint can copy it with its emulator). ``own``
    is the driver's instance-level ``ndo_setup_tc`` if it had one, else the class's is
    called."""

    __slots__ = ("drv", "own", "shim")

    def __init__(self, shim: FaultShim, drv: Any, own: Callable[..., int] | None) -> None:
        self.shim, self.drv, self.own = shim, drv, own

    def inner(self, dev: Any, type_: Any, bo: Any) -> Any:
        if self.own is not None:
            return self.own(dev, type_, bo)
        return type(self.drv).ndo_setup_tc(self.drv, dev, type_, bo)

    def __call__(self, dev: Any, type_: Any, bo: Any) -> Any:
        if type_ == TcSetupType.TC_SETUP_BLOCK:
            kind = "bind" if bo.command == FlowBlockCommand.FLOW_BLOCK_BIND else "unbind"
            err = self.shim.check(dev, kind, None, getattr(bo, "extack", None))
            if err:
                return err
            before = len(bo.cb_list)
            ret = self.inner(dev, type_, bo)
            if kind == "bind" and ret == 0:
                for block_cb in bo.cb_list[before:]:
                    self.shim._wrap_cb(block_cb, dev)
            return ret
        return self.inner(dev, type_, bo)


class _CbShim:
    """A callback wrapper that compares equal to the callback it wraps (so a driver's
    ``flow_block_cb_setup_simple`` unbind lookup still finds it) and exposes its
    ``__self__`` (so ``offload_holdings`` auditing still works)."""

    def __init__(self, shim: FaultShim, inner: Callable[..., int], dev: Any) -> None:
        self.shim, self.inner, self.dev = shim, inner, dev

    @property
    def __self__(self) -> Any:
        return getattr(self.inner, "__self__", None)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, _CbShim):
            return self.inner == other.inner
        return self.inner == other

    def __hash__(self) -> int:
        return hash(self.inner)

    def __call__(self, type_: Any, req: Any, cb_priv: Any) -> int:
        common = getattr(req, "common", None)
        extack = getattr(common, "extack", None)
        err = self.shim.check(self.dev, request_kind(type_, req),
                              getattr(getattr(req, "prog", None) or
                                      getattr(req, "oldprog", None), "name", None), extack)
        if err:
            return err
        return self.inner(type_, req, cb_priv)


@attrs.define(eq=False)
class FaultShim:
    """Installs fault checks on every driver of an emulator (see the module docstring)."""

    emu: Emulator
    trace: Trace = attrs.field(factory=Trace)
    _wrapped: set[int] = attrs.field(factory=set)

    def install(self) -> None:
        """Wrap the drivers of all current devices (idempotent; call before each step).
        Blocks are walked only when a driver was newly wrapped: callbacks bound later go
        through the wrapped ``ndo_setup_tc`` and are wrapped there."""
        new = False
        for dev in list(self.emu.net.devices.values()):
            drv = dev.driver
            if drv is None or id(drv) in self._wrapped or not dev.has_setup_tc:
                continue
            self._wrap_driver(drv)
            new = True
        if not new:
            return
        for block in self.emu.blocks():  # callbacks bound before the shim was installed
            for block_cb in block.cb_list:
                dev = self.emu.net.devices.get(str(block_cb.owner).rpartition(":")[2])
                if dev is not None and id(dev.driver) in self._wrapped:
                    self._wrap_cb(block_cb, dev)

    def wrap_driver(self, drv: Any) -> None:
        """Wrap one driver now (idempotent): the emulator does this for every plugin card
        it creates, so faults reach plugin ports without any call from the user."""
        if id(drv) not in self._wrapped:
            self._wrap_driver(drv)

    def _wrap_driver(self, drv: Any) -> None:
        self._wrapped.add(id(drv))
        if getattr(drv, "faults", None) is self.emu.faults:
            drv.faults = FaultPlan()  # the shim asks emu.faults from now on
        drv.ndo_setup_tc = _NdoShim(self, drv, drv.__dict__.get("ndo_setup_tc")
                                    if hasattr(drv, "__dict__") else None)

    def rebind(self) -> None:
        """After the shim and its emulator were copied together (an explorer checkpoint):
        the drivers it wrapped are known by identity, which a copy changes."""
        self._wrapped = {id(dev.driver) for dev in self.emu.net.devices.values()
                         if isinstance(getattr(dev.driver, "ndo_setup_tc", None), _NdoShim)
                         and dev.driver.ndo_setup_tc.shim is self}

    def _wrap_cb(self, block_cb: FlowBlockCb, dev: Any) -> None:
        if not isinstance(block_cb.cb, _CbShim):
            block_cb.cb = _CbShim(self, block_cb.cb, dev)

    def check(self, dev: Any, kind: str, prog_name: str | None, extack: Any) -> int:
        """Record the invocation and apply the first fault rule that fires (0 if none)."""
        log = self.emu.log
        req = RequestInfo(kind=kind, port=dev.name, prog_name=prog_name, op=log.current_op)
        self.trace.note(log.step, req)
        seen = len(self.emu.faults.log)
        try:
            hit = self.emu.faults.check(req, _Hardware(dev.driver, dev))
        except BaseException:
            log.pending_injection = _injected_text(self.emu.faults.log[seen:], "raise")
            raise
        if hit is None:
            return 0
        err, msg = hit
        log.pending_injection = _injected_text(self.emu.faults.log[seen:],
                                               f"-{errno_mod.errorcode.get(-err, err)}")
        if msg:
            set_extack(extack, getattr(dev.driver, "name", None), msg)
        return err


def _injected_text(lines: list[str], fallback: str) -> str:
    """What the fault plan logged for the rule that just fired."""
    return lines[-1] if lines else f"injected {fallback}"


def shim_of(emu: Emulator, install: bool = True) -> FaultShim:
    """The emulator's shim, created on first use and (``install``) installed on every
    driver of the emulator's devices."""
    shim = getattr(emu, "_fault_shim", None)
    if shim is None:
        shim = FaultShim(emu)
        emu._fault_shim = shim  # type: ignore[attr-defined]
    if install:
        shim.install()
    return shim


# -- the script command ------------------------------------------------------------------


@attrs.frozen
class FaultLine:
    """A parsed ``fault`` line: ``clear``, ``reset-now`` or a :class:`FaultRule` to add."""

    action: str  # "clear", "reset-now" or "rule"
    dev: str | None = None
    rule: FaultRule | None = None


ERRNOS = {n: getattr(errno_mod, n) for n in dir(errno_mod) if n.startswith("E") and
          isinstance(getattr(errno_mod, n), int)}


def parse_fault(argv: Sequence[str]) -> FaultLine:
    """Parse the words after ``fault``."""
    words = list(argv)
    if words == ["clear"]:
        return FaultLine("clear")
    if len(words) < 2:
        raise FaultSyntaxError("fault: expected DEV|all and a request kind\n" + USAGE)
    dev = None if words[0] == "all" else words[0]
    if words[1:] == ["reset", "now"]:
        return FaultLine("reset-now", dev)
    kind = words[1]
    if kind not in KINDS:
        raise FaultSyntaxError(f"fault: unknown request kind {kind!r}\n" + USAGE)
    kw: dict[str, Any] = {"kind": kind, "port": dev}
    i = 2
    try:
        while i < len(words):
            w = words[i]
            if w == "nth":
                kw["nth"] = int(words[i + 1])
                if kw["nth"] < 1:
                    raise FaultSyntaxError("fault: nth counts from 1\n")
                i += 2
            elif w == "errno":
                name = words[i + 1].upper()
                if name not in ERRNOS:
                    raise FaultSyntaxError(f"fault: unknown errno {words[i + 1]!r}\n")
                kw["errno"], kw["action"] = ERRNOS[name], "errno"
                i += 2
            elif w == "extack":
                kw["extack"] = words[i + 1]
                i += 2
            elif w == "during":
                kw["during"] = words[i + 1]
                i += 2
            elif w in ("raise", "reset"):
                kw["action"] = w
                i += 1
            else:
                raise FaultSyntaxError(f"fault: unexpected {w!r}\n" + USAGE)
    except IndexError:
        raise FaultSyntaxError(f"fault: {words[-1]!r} needs a value\n" + USAGE) from None
    except ValueError as exc:
        if isinstance(exc, FaultSyntaxError):
            raise
        raise FaultSyntaxError(f"fault: {exc}\n") from None
    try:
        return FaultLine("rule", dev, FaultRule(**kw))
    except ValueError as exc:
        raise FaultSyntaxError(f"fault: {exc}\n") from None


def reset_now(emu: Emulator, dev_name: str | None) -> list[str]:
    """Reset the card behind ``dev_name`` (or every card) now, logging it in the fault
    plan's log so invariant checks blame what follows on the injected reset."""
    done: list[str] = []
    seen: set[int] = set()
    for dev in emu.net.devices.values():
        if dev_name is not None and dev.name != dev_name:
            continue
        drv = dev.driver
        if drv is None or id(drv) in seen:
            continue
        seen.add(id(drv))
        if reset_hardware(drv, dev):
            emu.faults.log.append(f"{dev.name}: reset now (injected device reset)")
            done.append(dev.name)
    return done


def fault_main(argv: Sequence[str], emu: Emulator) -> tuple[int, str, str]:
    """Run ``fault ARGS`` on ``emu``: ``(rc, stdout, stderr)``."""
    try:
        line = parse_fault(argv)
    except FaultSyntaxError as exc:
        return 1, "", str(exc) if str(exc).endswith("\n") else f"{exc}\n"
    shim_of(emu)
    if line.action == "clear":
        emu.faults.clear()
        return 0, "", ""
    if line.action == "reset-now":
        done = reset_now(emu, line.dev)
        if not done:
            return 1, "", f"fault: no resettable hardware behind {line.dev or 'any device'}\n"
        return 0, "", ""
    assert line.rule is not None
    emu.faults.add(line.rule)
    return 0, "", ""


def fault_line_text(dev: str | None, kind: str, nth: int | None = None,
                    errno: str | None = None, action: str = "errno",
                    during: str | None = None) -> str:
    """The script line for one fault (the inverse of :func:`parse_fault`)."""
    words = ["fault", dev or "all"]
    if action == "reset-now":
        return " ".join([*words, "reset", "now"])
    words.append(kind)
    if nth is not None:
        words += ["nth", str(nth)]
    if during:
        words += ["during", during]
    if action == "errno":
        words += ["errno", errno or "EOPNOTSUPP"]
    else:
        words.append(action)
    return " ".join(words)
