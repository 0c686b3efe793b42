"""Property-based offload testing for your own driver plugin.

Subclass :class:`OffloadStateMachine`, name your driver, and let hypothesis drive random
sequences of what users and the kernel do to it::

    from offload.testing import OffloadStateMachine

    class MyNicMachine(OffloadStateMachine):
        driver = "mynic"          # an ``offload.drivers`` entry point, or a factory
        ports = 2
        profile = "v6.1"

    TestMyNic = MyNicMachine.test_case(max_examples=100)

Each rule is one user-level step (filter add/replace/delete with skip_sw/skip_hw/no flags
on several prios and handles, on a port's own block or on a shared block; qdisc add/del,
i.e. block bind/unbind; ``hw-tc-offload`` on/off; an injected driver fault). After every
step the invariants of :mod:`offload.invariants` are checked. A violation blamed on the
driver fails the test (``fail_on`` decides which blames fail; kernel-blamed findings such as
quirk B are behaviour of the kernel profile, not bugs of your driver), and hypothesis
shrinks the run to a minimal sequence. The failure message lists the violations and the
bus timeline of the last steps.

The driver contract (see :mod:`core.driver`): ``ndo_setup_tc`` registering its callbacks
with :func:`core.driver.flow_block_cb_setup_simple`; to be audited the driver exposes
``offload_holdings(cb_priv) -> list[program]`` (what the hardware really holds) and, when
``cb_priv`` is neither the ``NetDevice`` nor has a ``.netdev``, ``offload_netdev(cb_priv)``.
"""

from __future__ import annotations

import contextlib
import errno as errno_mod
import functools
from collections.abc import Callable
from typing import Any, ClassVar

from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, precondition, rule

from core.cls_bpf import ClsBpfOpts
from core.driver import load_driver_factory, validate_driver
from core.errors import TcError
from core.flags import TCA_BPF_FLAG_ACT_DIRECT, TCA_CLS_FLAGS_SKIP_HW, TCA_CLS_FLAGS_SKIP_SW
from core.net import FilterTarget
from core.netdev import NETIF_F_HW_TC
from hwsim.faults import FaultRule
from offload.invariants import Violation
from offload.testing._checker import PluginInvariantChecker, failing
from offload.testing._env import prog_path
from offload.testing._timeline import render_timeline

__all__ = ["OffloadStateMachine", "OffloadViolation"]

INGRESS_PARENT = 0xFFFFFFF2
FLAG_CHOICES = {"none": 0, "skip_sw": TCA_CLS_FLAGS_SKIP_SW, "skip_hw": TCA_CLS_FLAGS_SKIP_HW}
FAULT_KINDS = ("add", "replace", "remove", "bind", "any")
FAULT_ERRNOS = ("EOPNOTSUPP", "EBUSY", "ENOSPC", "EIO")
#: Hypothesis's phases without ``explain`` (slow on long stateful runs, adds little here).
FAST_PHASES = (Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink)


class OffloadViolation(AssertionError):
    """An invariant broke with a blame the machine is told to fail on. The message lists
    the violations (with the offending callback's holdings before and after, side by
    side), the steps so far as a script ``offload run`` replays, and the bus timeline."""

    def __init__(self, violations: list[Violation], timeline: str,
                 script: list[str] | None = None, rerun: str = "") -> None:
        lines = "\n".join("  " + v.report().replace("\n", "\n  ") for v in violations)
        repro = ""
        if script:
            repro = (f"\n\nthe steps as a script (save as repro.sh; rerun: {rerun}):\n"
                     + "".join(f"  {x}\n" for x in script))
        super().__init__(f"{len(violations)} invariant violation(s):\n{lines}{repro}\n\n"
                         f"bus timeline of the last steps:\n{timeline}")
        self.violations = violations
        self.script = script or []
        self.rerun = rerun


def _fault_shim(emu: Any) -> Callable[[], None] | None:
    """Bus-level fault injection for any driver, when the emulator provides it."""
    try:
        from offload.fault_cmd import shim_of
    except ImportError:
        return None

    def install() -> None:
        shim_of(emu)

    return install


@functools.cache
def _entry_point_factory(name: str) -> Callable[[], Any]:
    return load_driver_factory(name)


@functools.cache
def _template(read_object: Callable[[str], Any]) -> Any:
    """The parsed tc_pass object every machine loads its programs from (parsed once)."""
    return read_object(prog_path("tc_pass"))


class OffloadStateMachine(RuleBasedStateMachine):
    """Random offload operations against a driver plugin, checked after every step.

    Class attributes (override in a subclass):

    - ``driver``: an ``offload.drivers`` entry-point name or a zero-argument factory.
      ``"simnic"`` uses the simulated NIC through the emulator's netdevsim bus.
    - ``driver_per_port``: call the factory once per port (``True``) or once for all.
    - ``ports``: how many ports (net devices ``eth0``...).
    - ``profile``: kernel semantics profile, ``"v6.12"``, ``"v6.1"`` or ``"v5.2"``.
    - ``nic_profile``: the simulated NIC's profile (only for ``driver = "simnic"``).
    - ``fail_on``: the blames that fail the test (``("driver",)``; add ``"kernel"`` to fail
      on the kernel's own quirks too, ``"injected"`` for effects of injected resets).
    - ``inject_faults``: include the fault-injection rule.
    - ``block_index``: the shared block's index.
    """

    driver: ClassVar[str | Callable[[], Any]] = "simnic"
    driver_per_port: ClassVar[bool] = True
    ports: ClassVar[int] = 2
    profile: ClassVar[str] = "v6.1"
    nic_profile: ClassVar[str] = "smartnic"
    fail_on: ClassVar[tuple[str, ...]] = ("driver",)
    inject_faults: ClassVar[bool] = True
    block_index: ClassVar[int] = 7
    timeline_steps: ClassVar[int] = 6

    def __init__(self) -> None:
        super().__init__()
        from hwsim.bpf.program import read_object
        from offload.emulator import Emulator

        self.emu = Emulator(self.profile)
        self.names = self._make_ports()
        for name in self.names:
            if not self.emu.net.dev(name).tc_can_offload():
                self.emu.net.set_feature(name, NETIF_F_HW_TC, True)
        self.install_shim = _fault_shim(self.emu) if self.inject_faults else None
        self.checker = PluginInvariantChecker(self.emu)
        self.template = _template(read_object)
        self.findings: list[Violation] = []
        #: every step so far as a script line (``offload run`` syntax, see rerun_line)
        self.script: list[str] = self._setup_script()

    # -- the steps as a script ---------------------------------------------------------
    @classmethod
    def driver_words(cls) -> list[str]:
        """``--driver NAME`` for the machine's driver, when it can be named."""
        d = cls.driver
        if d == "simnic":
            return []
        if isinstance(d, str):
            return ["--driver", d]
        mod, qual = getattr(d, "__module__", None), getattr(d, "__qualname__", "")
        if mod and qual and "<" not in qual:
            return ["--driver", f"{mod}:{qual}"]
        return ["--driver", "MODULE:FACTORY"]  # a lambda or local: name it yourself

    def _setup_script(self) -> list[str]:
        if self.driver == "simnic":
            lines = [f"nic add 1 ports {self.ports} profile {self.nic_profile}"]
        elif self.driver_per_port:
            lines = [f"nic add {i + 1} ports 1" for i in range(self.ports)]
        else:
            lines = [f"nic add 1 ports {self.ports}"]
        return lines + [f"ethtool -K {n} hw-tc-offload on" for n in self.names]

    def rerun_line(self) -> str:
        import os
        import shlex

        progs = os.path.dirname(prog_path("tc_pass"))
        return shlex.join(["offload", "run", "--profile", self.profile, *self.driver_words(),
                           "--set", f"PROGS={progs}", "repro.sh"])

    # -- set-up ------------------------------------------------------------------------
    @classmethod
    def driver_factory(cls) -> Callable[[], Any]:
        """The factory named by ``driver`` (entry points are looked up once per name)."""
        d = cls.driver
        return _entry_point_factory(d) if isinstance(d, str) else d

    def _make_ports(self) -> list[str]:
        if self.driver == "simnic":
            card = self.emu.add_nic(self.ports, profile=self.nic_profile)
            return [p.netdev.name for p in card.ports]
        factory = self.driver_factory()
        shared = None if self.driver_per_port else factory()
        names = []
        for i in range(self.ports):
            drv = shared if shared is not None else factory()
            validate_driver(drv, origin=f"driver {self.driver!r}")
            name = f"eth{i}"
            self.emu.net.add_device(name, driver=drv)
            names.append(name)
        return names

    @classmethod
    def test_case(cls, max_examples: int = 100, steps: int = 25, **kw: Any) -> type:
        """The ``unittest.TestCase`` to collect, with sensible settings for this machine."""
        case = cls.TestCase
        kw.setdefault("phases", FAST_PHASES)
        case.settings = settings(max_examples=max_examples, stateful_step_count=steps,
                                 deadline=None, suppress_health_check=[HealthCheck.too_slow],
                                 **kw)
        return case

    # -- one step ----------------------------------------------------------------------
    def _step(self, text: str, fn: Callable[[], Any], filter_change: bool = False) -> None:
        if self.install_shim is not None:
            self.install_shim()
        self.emu.log.begin_step(text)
        self.script.append(text)
        self.checker.before_step()
        failed = False
        try:
            fn()
        except TcError:
            failed = True
        self.emu.gc()
        found = self.checker.after_step(failed=failed, filter_change=filter_change)
        self.findings.extend(found)
        bad = failing(found, self.fail_on)
        if bad:
            raise OffloadViolation(bad, render_timeline(self.emu.log, self.timeline_steps),
                                   self.script, self.rerun_line())

    def _target(self, where: str) -> FilterTarget:
        if where == "block":
            return FilterTarget(block_index=self.block_index)
        return FilterTarget(dev=where, parent=INGRESS_PARENT)

    def _where_text(self, where: str) -> str:
        return f"block {self.block_index}" if where == "block" else f"dev {where} ingress"

    def _new_prog(self) -> Any:
        return self.emu.table.load_object(self.template)

    # -- what exists -------------------------------------------------------------------
    def _bound(self) -> list[str]:
        return [n for n in self.names if self.emu.net.dev(n).ingress_qdisc is not None]

    def _unbound(self) -> list[str]:
        return [n for n in self.names if self.emu.net.dev(n).ingress_qdisc is None]

    def _targets(self) -> list[str]:
        """``block`` if the shared block exists, and every port with a private block."""
        out = ["block"] if self.block_index in self.emu.net.blocks else []
        for n in self._bound():
            q = self.emu.net.dev(n).ingress_qdisc
            if q is not None and not q.ingress_block_index:
                out.append(n)
        return out

    # -- rules -------------------------------------------------------------------------
    @precondition(lambda self: bool(self._unbound()))
    @rule(data=st.data(), shared=st.booleans())
    def qdisc_add(self, data: st.DataObject, shared: bool) -> None:
        """``tc qdisc add dev D ingress [ingress_block N]``: a block bind (with replay)."""
        name = data.draw(st.sampled_from(self._unbound()), label="dev")
        block = self.block_index if shared else None
        text = f"tc qdisc add dev {name}" + (f" ingress_block {block}" if shared else "") + \
            " ingress"
        self._step(text, lambda: self.emu.net.qdisc_add(name, "ingress", ingress_block=block))

    @precondition(lambda self: bool(self._bound()))
    @rule(data=st.data())
    def qdisc_del(self, data: st.DataObject) -> None:
        """``tc qdisc del dev D ingress``: unbind (replayed removes), maybe a block flush."""
        name = data.draw(st.sampled_from(self._bound()), label="dev")
        self._step(f"tc qdisc del dev {name} ingress",
                   lambda: self.emu.net.qdisc_del(name, "ingress"))

    @precondition(lambda self: bool(self._targets()))
    @rule(data=st.data(), prio=st.integers(1, 3), handle=st.integers(1, 2),
          flags=st.sampled_from(sorted(FLAG_CHOICES)), replace=st.booleans())
    def filter_add(self, data: st.DataObject, prio: int, handle: int, flags: str,
                   replace: bool) -> None:
        """``tc filter add|replace ... prio P handle H bpf [skip_sw|skip_hw] da``."""
        where = data.draw(st.sampled_from(self._targets()), label="where")
        prog = self._new_prog()
        opts = ClsBpfOpts(prog=prog, gen_flags=FLAG_CHOICES[flags],
                          bpf_flags=TCA_BPF_FLAG_ACT_DIRECT)
        verb = "replace" if replace else "add"
        flag_text = "" if flags == "none" else f" {flags}"
        text = (f"tc filter {verb} {self._where_text(where)} prio {prio} handle {handle} "
                f"bpf{flag_text} da obj $PROGS/tc_pass.o sec classifier")
        self._step(text, lambda: self.emu.net.filter_new(
            self._target(where), kind="bpf", opts=opts, prio=prio, handle=handle,
            create=True, excl=not replace), filter_change=True)

    @precondition(lambda self: bool(self._targets()))
    @rule(data=st.data(), prio=st.integers(1, 3), handle=st.integers(0, 2))
    def filter_del(self, data: st.DataObject, prio: int, handle: int) -> None:
        """``tc filter del ... prio P [handle H] bpf`` (handle 0: the whole prio)."""
        where = data.draw(st.sampled_from(self._targets()), label="where")
        which = f" handle {handle}" if handle else ""
        self._step(f"tc filter del {self._where_text(where)} prio {prio}{which} bpf",
                   lambda: self.emu.net.filter_del(self._target(where), prio=prio,
                                                   handle=handle, kind="bpf"))

    @rule(data=st.data())
    def hw_tc_offload(self, data: st.DataObject) -> None:
        """``ethtool -K D hw-tc-offload on|off``, flipping it (the driver may refuse)."""
        name = data.draw(st.sampled_from(self.names), label="dev")
        on = not self.emu.net.dev(name).tc_can_offload()
        self._step(f"ethtool -K {name} hw-tc-offload {'on' if on else 'off'}",
                   lambda: self.emu.net.set_feature(name, NETIF_F_HW_TC, on))

    @precondition(lambda self: self.install_shim is not None or self.driver == "simnic")
    @rule(data=st.data(), kind=st.sampled_from(FAULT_KINDS),
          err=st.sampled_from(FAULT_ERRNOS), nth=st.integers(1, 2))
    def inject_fault(self, data: st.DataObject, kind: str, err: str, nth: int) -> None:
        """The ``nth`` next ``kind`` request on a port fails with ``-err`` (once)."""
        name = data.draw(st.sampled_from(self.names), label="dev")
        self.emu.faults.add(FaultRule(kind=kind, errno=getattr(errno_mod, err), port=name,
                                      nth=nth, times=1, extack="injected fault"))
        self._step(f"fault {name} {kind} nth {nth} errno {err}", lambda: None)

    @precondition(lambda self: bool(self.emu.faults.rules))
    @rule()
    def clear_faults(self) -> None:
        self.emu.faults.clear()
        self._step("fault clear", lambda: None)

    def teardown(self) -> None:
        with contextlib.suppress(Exception):
            self.emu.faults.clear()
