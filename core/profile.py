"""Kernel semantics profiles: where v5.2, v6.1 and v6.12 differ, and nowhere else.

- :data:`V6_1` (Debian 12's 6.1): ``cls_bpf_offload_cmd`` dispatches to
  ``tc_setup_cb_add/replace/destroy`` and carries the ``is_rollback`` guard, so a failed
  replace is rolled back once; ``__tcf_block_put`` unbinds before flushing the chains.
- :data:`V5_2` (the SEED): ``cls_bpf_offload_cmd`` calls ``tc_setup_cb_call`` (with the
  ``nooffloaddevcnt`` check) after ``tcf_block_offload_dec(oldprog)``, leaves the old
  ``in_hw_count`` as it was (quirk F), and rolls back by recursing with the programs
  swapped, without a bound (quirk C). The model stops at ``max_rollback_depth`` and records
  an ``unbounded-rollback-recursion`` finding instead of hanging or overflowing. Chains are
  flushed before the last unbind.
- :data:`V6_12` (Debian's 6.12.117): the offload commands of 6.1 unchanged (``tc_setup_cb_*``,
  playback, bind/unbind, the counters), plus the differences below, held as data fields of
  the one profile object (docs/semantics.md, "6.1 -> 6.12"):

  * ``cls_bpf_dev_match``: ``cls_bpf_prog_from_efd()`` refuses a device-bound program whose
    device does not match the block's (``Program is bound to a different device``) or, on a
    shared block, every device in ``block->ports`` (``Program is not bound to every device
    in the block``);
  * ``block_tracks_ports``: ``tcf_block_get_ext()`` inserts a shared block's ingress/egress
    devices into ``block->ports`` after the bind (``block dev insert failed`` when the
    device is already there), ``tcf_block_put_ext()`` erases them;
  * ``netdevsim_bind_dev_match``: netdevsim's block callback refuses a device-bound program
    of another device (``program bound to a different device``), e.g. replayed when a port
    joins a shared block: quirk B reachable with eBPF programs;
  * ``xdp_dev_match_in_core``: ``dev_xdp_attach()`` checks the device of an offloaded XDP
    program (``Program bound to different device``), netdevsim no longer does;
  * ``verifier_log``: the log's format (``R1=ctx()``, ``; line @ file.c:N``);
  * ``netdevsim_noarp`` and ``ethtool_dropped``/``ethtool_fixed_on``: what ``ip link`` and
    ``ethtool -k`` show of a netdevsim port;
  * ``clsact_ingress_first``: ``clsact_destroy()`` puts the ingress block before the egress
    block (the qdiscs now share the per-device hook with tcx; tcx itself, whose attach
    refuses offloaded programs, is not reachable with Debian 12's iproute2 and bpftool and
    is not modelled).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import attrs

from core import bus
from core.errors import EINVAL, Extack
from core.events import EventLog
from core.flags import TCA_CLS_FLAGS_IN_HW, tc_skip_sw
from core.offload import TcSetupType

if TYPE_CHECKING:
    from core.block import Block, TcfProto
    from core.cls_bpf import ClsBpfFilter

CLSBPF = TcSetupType.TC_SETUP_CLSBPF
UNBOUNDED_ROLLBACK = "unbounded-rollback-recursion"


@attrs.frozen
class Profile:
    """Base of the semantics profiles; concrete ones override :meth:`offload_cmd`."""

    name: str
    unbind_before_flush: bool
    max_rollback_depth: int = 16
    #: ``cls_bpf_offload_cmd()``'s rollback runs once (the ``is_rollback`` guard; 6.1, 6.12).
    rollback_once: bool = False
    #: ``cls_bpf_prog_from_efd()`` checks a device-bound program's device (6.12).
    cls_bpf_dev_match: bool = False
    #: shared blocks keep ``block->ports`` (6.12).
    block_tracks_ports: bool = False
    #: netdevsim's ``nsim_bpf_setup_tc_block_cb()`` refuses another device's program (6.12).
    netdevsim_bind_dev_match: bool = False
    #: ``dev_xdp_attach()`` checks an offloaded XDP program's device, not netdevsim (6.12).
    xdp_dev_match_in_core: bool = False
    #: verifier log format: ``"6.1"`` or ``"6.12"`` (hwsim.bpf.verifier_log).
    verifier_log: str = "6.1"
    #: netdevsim ports have IFF_NOARP (``nsim_setup()``; dropped in 6.12).
    netdevsim_noarp: bool = True
    #: ``ethtool -k`` lines of a netdevsim port this kernel does not print.
    ethtool_dropped: frozenset[str] = frozenset()
    #: ``ethtool -k`` features this kernel reports ``on [fixed]`` for a netdevsim port.
    ethtool_fixed_on: frozenset[str] = frozenset()
    #: ``clsact_destroy()`` puts the ingress block first (6.12; egress first before).
    clsact_ingress_first: bool = False

    def offload_cmd(
        self,
        tp: TcfProto,
        prog: ClsBpfFilter | None,
        oldprog: ClsBpfFilter | None,
        extack: Extack | None,
    ) -> int:
        raise NotImplementedError

    def cb_call(self, block: Block, type_: TcSetupType, data: Any, err_stop: bool) -> int:
        """``tc_setup_cb_call()`` as this kernel has it (used for STATS)."""
        raise NotImplementedError

    @staticmethod
    def _prepare(
        tp: TcfProto,
        prog: ClsBpfFilter | None,
        oldprog: ClsBpfFilter | None,
        extack: Extack | None,
    ) -> tuple[bool, Any]:
        """The common start of ``cls_bpf_offload_cmd()``: skip_sw comes from the new
        program, the request's fields from whichever program is there (``prog ?: oldprog``)."""
        from core.cls_bpf import ClsBpf

        skip_sw = prog is not None and tc_skip_sw(prog.gen_flags)
        obj = prog if prog is not None else oldprog
        assert obj is not None
        return skip_sw, ClsBpf.request(tp, obj, prog, oldprog, extack)

    @staticmethod
    @contextmanager
    def _rolling_back(log: EventLog) -> Iterator[None]:
        """Events of the swapped-arguments call are recorded as ``rollback``, one deeper."""
        log.depth += 1
        try:
            with log.op("rollback"):
                yield
        finally:
            log.depth -= 1

    @staticmethod
    def _final_check(prog: ClsBpfFilter | None, skip_sw: bool) -> int:
        """The last rule of ``cls_bpf_offload_cmd()``: a skip_sw filter that no callback
        took is refused with -EINVAL (no extack, no rollback)."""
        if prog is not None and skip_sw and not prog.gen_flags & TCA_CLS_FLAGS_IN_HW:
            return -EINVAL
        return 0


@attrs.frozen
class ProfileV61(Profile):
    """Linux 6.1 (``tc_setup_cb_*`` API, ``is_rollback`` guard)."""

    def offload_cmd(
        self,
        tp: TcfProto,
        prog: ClsBpfFilter | None,
        oldprog: ClsBpfFilter | None,
        extack: Extack | None,
        is_rollback: bool = False,
    ) -> int:
        """Mirrors v6.1 ``cls_bpf_offload_cmd()``."""
        block = tp.block
        skip_sw, req = self._prepare(tp, prog, oldprog, extack)
        if prog is not None and oldprog is not None:
            err = bus.tc_setup_cb_replace(block, CLSBPF, req, skip_sw, oldprog, prog)
        elif prog is not None:
            err = bus.tc_setup_cb_add(block, CLSBPF, req, skip_sw, prog)
        else:
            assert oldprog is not None
            err = bus.tc_setup_cb_destroy(block, CLSBPF, req, skip_sw, oldprog)
        if prog is not None and err:
            if not is_rollback:
                with self._rolling_back(block.net.log):
                    self.offload_cmd(tp, oldprog, prog, extack, True)
            return err
        return self._final_check(prog, skip_sw)

    def cb_call(self, block: Block, type_: TcSetupType, data: Any, err_stop: bool) -> int:
        return bus.tc_setup_cb_call(block, type_, data, err_stop)


@attrs.frozen
class ProfileV52(Profile):
    """Linux 5.2, the SEED (``tc_setup_cb_call`` + ``tcf_block_offload_inc/dec``)."""

    def offload_cmd(
        self,
        tp: TcfProto,
        prog: ClsBpfFilter | None,
        oldprog: ClsBpfFilter | None,
        extack: Extack | None,
        depth: int = 0,
    ) -> int:
        """Mirrors v5.2 ``cls_bpf_offload_cmd()``, recursion included (bounded here)."""
        block = tp.block
        skip_sw, req = self._prepare(tp, prog, oldprog, extack)
        if oldprog is not None:
            bus.tcf_block_offload_dec(block, oldprog)
        err = bus.tc_setup_cb_call_seed(block, CLSBPF, req, skip_sw)
        if prog is not None:
            if err < 0:
                log = block.net.log
                if depth >= self.max_rollback_depth:
                    log.add_finding(
                        UNBOUNDED_ROLLBACK,
                        f"cls_bpf_offload_cmd rollback still failing after {depth} swaps "
                        f"(errno {-err}); the v5.2 kernel recurses without bound here. "
                        "Stopped by the emulator.",
                        self.name,
                    )
                    return err
                with self._rolling_back(log):
                    self.offload_cmd(tp, oldprog, prog, extack, depth + 1)
                return err
            if err > 0:
                prog.in_hw_count = err
                bus.tcf_block_offload_inc(block, prog)
        return self._final_check(prog, skip_sw)

    def cb_call(self, block: Block, type_: TcSetupType, data: Any, err_stop: bool) -> int:
        return bus.tc_setup_cb_call_seed(block, type_, data, err_stop)


V6_1 = ProfileV61(name="v6.1", unbind_before_flush=True, rollback_once=True)
V6_12 = ProfileV61(
    name="v6.12", unbind_before_flush=True, rollback_once=True, cls_bpf_dev_match=True,
    block_tracks_ports=True,
    netdevsim_bind_dev_match=True, xdp_dev_match_in_core=True, verifier_log="6.12",
    netdevsim_noarp=False,
    ethtool_dropped=frozenset({"tx-lockless", "netns-local", "fcoe-mtu"}),
    ethtool_fixed_on=frozenset({"macsec-hw-offload"}),
    clsact_ingress_first=True,
)
V5_2 = ProfileV52(name="v5.2", unbind_before_flush=False)
PROFILES: dict[str, Profile] = {"v6.12": V6_12, "v6.1": V6_1, "v5.2": V5_2}


def get_profile(name: str) -> Profile:
    """Look a profile up by name (``v6.12``, ``v6.1``, ``v5.2``; without the ``v`` too)."""
    key = name if name.startswith("v") else f"v{name}"
    if key not in PROFILES:
        raise ValueError(f"unknown semantics profile {name!r} (choose from {', '.join(PROFILES)})")
    return PROFILES[key]
