"""The simulated NIC's driver: what answers ``ndo_setup_tc`` and the block callbacks.

With a ``netdevsim_exact`` profile it mirrors drivers/net/netdevsim/bpf.c of Linux 6.1
(``nsim_bpf_setup_tc_block_cb``, ``nsim_bpf_offload``, ``nsim_bpf_disable_tc``,
``nsim_xdp_offload_prog``, the verifier hooks ``nsim_bpf_verifier_prep``/
``nsim_bpf_verify_insn``/``nsim_bpf_translate``/``nsim_bpf_destroy_prog``) and netdev.c's
``nsim_setup_tc``/``nsim_set_features``. Other profiles keep netdevsim's checks where they
apply and add what a real SmartNIC has: several slots, limits, a helper/map allow-list and
``TC_CLSBPF_STATS``. Every request first passes the fault plan.
"""

from __future__ import annotations

import time
from typing import Any

import attrs

from core.driver import (
    flow_block_cb_setup_simple,
    set_extack,
    tc_cls_can_offload_and_chain0,
)
from core.errors import E2BIG, EBUSY, EINVAL, ENOSPC, EOPNOTSUPP, Extack
from core.events import EventLog
from core.netdev import NETIF_F_HW_TC, NetDevice
from core.offload import FlowBlockCb, TcClsBpfCommand, TcClsBpfOffload, TcSetupType
from core.prog import bpf_offload_dev_match
from core.skb import ETH_P_ALL
from drivers.simnic.knobs import Knob, device_knobs, port_knobs
from hwsim.faults import FaultPlan, RequestInfo
from hwsim.nic import NETDEVSIM, PROFILES, HwPort, HwSlot, NicHardware, NicProfile


@attrs.define(eq=False)
class BoundProg:
    """``struct nsim_bpf_bound_prog``: a program loaded for this device (debugfs
    ``bpf_bound_progs/<seq>/{id,state,loaded}``)."""

    seq: int
    prog: Any
    state: str = "verify"
    is_loaded: bool = False


@attrs.define(eq=False)
class SimPort:
    """``struct netdevsim``: one port's driver state."""

    index: int
    netdev: NetDevice
    hw: HwPort
    knobs: dict[str, Knob] = attrs.field(factory=port_knobs)
    xdp_hw_prog: Any = None
    xdp_drv_prog: Any = None  # ``ns->xdp``: the driver-mode program

    @property
    def label(self) -> str:
        return self.netdev.name

    def knob(self, name: str) -> bool | int:
        return self.knobs[name].value


class SimNicDriver:
    """One simulated card's driver (``struct nsim_dev`` + its ports)."""

    #: The project's own driver: its hooks run on the caller's thread, without the
    #: watchdog thread of core.boundary (every other boundary check still applies).
    offload_inline = True

    def __init__(
        self,
        profile: NicProfile = NETDEVSIM,
        dev_id: int = 0,
        log: EventLog | None = None,
        faults: FaultPlan | None = None,
    ) -> None:
        self.profile = profile
        self.name = profile.module
        self.dev_id = dev_id
        self.hw = NicHardware(profile)
        self.ports: list[SimPort] = []
        self.knobs: dict[str, Knob] = device_knobs()
        self.bound: list[BoundProg] = []
        self.prog_id_gen = 0
        self.block_cb_list: list[FlowBlockCb] = []
        self.log = log
        self.faults = faults if faults is not None else FaultPlan()
        #: the namespace's ``Net`` once on a bus (its profile says which kernel's netdevsim)
        self.net: Any = None
        #: A driver plugin answering for this card's ports instead of this driver (the
        #: card still provides the netdevsim files); None for the simulated NIC itself.
        self.plugin: Any = None

    # -- ports -----------------------------------------------------------------------------

    def attach_port(self, netdev: NetDevice) -> SimPort:
        """``nsim_create()``: a new port, hw-tc-offload available (and on only if the
        profile says so; netdevsim leaves it off)."""
        port = SimPort(index=len(self.ports), netdev=netdev, hw=self.hw.add_port())
        netdev.priv = port
        netdev.hw_features.add(NETIF_F_HW_TC)
        if self.profile.hw_tc_offload_default:
            netdev.features.add(NETIF_F_HW_TC)
        self.ports.append(port)
        return port

    def port_of(self, dev: NetDevice) -> SimPort:
        port = dev.priv
        assert isinstance(port, SimPort)
        return port

    # -- faults ------------------------------------------------------------------------------

    def _fault(self, kind: str, port: SimPort, prog: Any, extack: Extack | None) -> int:
        op = self.log.current_op if self.log is not None else ""
        info = RequestInfo(kind=kind, port=port.label, prog_name=getattr(prog, "name", None), op=op)
        seen = len(self.faults.log)
        try:
            hit = self.faults.check(info, self.hw)
        except BaseException:
            self._mark_injected(seen)
            raise
        if hit is None:
            return 0
        self._mark_injected(seen)
        err, msg = hit
        if msg:
            set_extack(extack, self.profile.module, msg)
        return err

    def _mark_injected(self, seen: int) -> None:
        """Tell the event log the answer being given is an injected fault's."""
        if self.log is not None and len(self.faults.log) > seen:
            self.log.pending_injection = self.faults.log[-1]

    # -- ndo_setup_tc ----------------------------------------------------------------------

    def ndo_setup_tc(self, dev: NetDevice, type: TcSetupType, type_data: Any) -> int:
        """Mirrors ``nsim_setup_tc()``: only TC_SETUP_BLOCK, ingress only."""
        if type != TcSetupType.TC_SETUP_BLOCK:
            return -EOPNOTSUPP
        port = self.port_of(dev)
        kind = "bind" if type_data.command == 0 else "unbind"
        err = self._fault(kind, port, None, type_data.extack)
        if err:
            return err
        return flow_block_cb_setup_simple(
            type_data,
            self.block_cb_list,
            self.setup_tc_block_cb,
            port,
            port,
            ingress_only=True,
            owner=f"{self.profile.module}:{dev.name}",
        )

    def ndo_set_features(self, dev: NetDevice, features: frozenset[str]) -> int:
        """Mirrors ``nsim_set_features()`` → ``nsim_bpf_disable_tc()``."""
        port = self.port_of(dev)
        turning_off = NETIF_F_HW_TC in dev.features and NETIF_F_HW_TC not in features
        if turning_off and port.hw.slots and port.xdp_hw_prog is None:
            return -EBUSY
        return 0

    # -- the block callback --------------------------------------------------------------

    def setup_tc_block_cb(self, type: TcSetupType, cls_bpf: Any, port: SimPort) -> int:
        """Mirrors ``nsim_bpf_setup_tc_block_cb()`` (exact for netdevsim profiles)."""
        common = getattr(cls_bpf, "common", None)
        extack = common.extack if common is not None else None
        mod = self.profile.module
        if type != TcSetupType.TC_SETUP_CLSBPF:
            set_extack(extack, mod, "only offload of BPF classifiers supported")
            return -EOPNOTSUPP
        assert isinstance(cls_bpf, TcClsBpfOffload)
        prog, oldprog = cls_bpf.prog, cls_bpf.oldprog
        if cls_bpf.command == TcClsBpfCommand.TC_CLSBPF_STATS:
            kind = "stats"
        elif prog is not None and oldprog is not None:
            kind = "replace"
        else:
            kind = "add" if prog is not None else "remove"
        err = self._fault(kind, port, prog or oldprog, extack)
        if err:
            return err
        if self.profile.chain0_only:
            if not tc_cls_can_offload_and_chain0(port.netdev, cls_bpf.common):
                return -EOPNOTSUPP
        elif not port.netdev.tc_can_offload():
            set_extack(extack, None, "TC offload is disabled on net device")
            return -EOPNOTSUPP
        if self.profile.eth_p_all_only and cls_bpf.common.protocol != ETH_P_ALL:
            set_extack(extack, mod, "only ETH_P_ALL supported as filter protocol")
            return -EOPNOTSUPP
        if not port.knob("bpf_tc_accept"):
            set_extack(extack, mod, f"{mod} configured to reject BPF TC offload")
            return -EOPNOTSUPP
        if (
            prog is not None
            and getattr(prog, "offload_ifindex", None) is None
            and self.profile.requires_bound
            and not port.knob("bpf_tc_non_bound_accept")
        ):
            set_extack(extack, mod, f"{mod} configured to reject unbound programs")
            return -EOPNOTSUPP
        if (
            prog is not None
            and self.net is not None
            and self.net.profile.netdevsim_bind_dev_match
            and self.profile.netdevsim_exact
            and getattr(prog, "offload_ifindex", None) is not None
            and not bpf_offload_dev_match(self.net, prog, port.netdev)
        ):
            # 6.12: a program bound to another device, e.g. replayed when this port joins
            # a shared block after cls_bpf's attach-time check
            set_extack(extack, mod, "program bound to a different device")
            return -EINVAL
        if cls_bpf.command != TcClsBpfCommand.TC_CLSBPF_OFFLOAD:
            if cls_bpf.command == TcClsBpfCommand.TC_CLSBPF_STATS and self.profile.supports_stats:
                return self._stats(port, cls_bpf)
            return -EOPNOTSUPP
        if self.profile.netdevsim_exact:
            return self._offload_netdevsim(port, cls_bpf, extack)
        return self._offload_multi(port, cls_bpf, extack)

    def _offload_netdevsim(self, port: SimPort, req: TcClsBpfOffload, extack: Extack | None) -> int:
        """Rules 7–8 of §4.3: one slot; a remove of what it does not hold is a silent
        success; anything else while the slot is taken is 'states mismatch' (-EBUSY)."""
        held = port.hw.slots[0].prog if port.hw.slots else None
        oldprog = req.oldprog
        if held is not oldprog:
            oldprog = None
            if req.prog is None:
                return 0
            if held is not None:
                set_extack(extack, self.profile.module, "driver and netdev offload states mismatch")
                return -EBUSY
        self._nsim_bpf_offload(port, req.prog, oldprog is not None, req)
        return 0

    def _nsim_bpf_offload(self, port: SimPort, prog: Any, oldprog: bool, req: Any,
                          kind: str = "tc") -> None:
        """Mirrors ``nsim_bpf_offload()``: the one slot takes ``prog`` (or empties)."""
        if port.hw.slots:
            self._set_loaded(port.hw.slots[0].prog, False)
        port.hw.slots.clear()
        if prog is not None:
            port.hw.slots.append(self._slot(prog, req, kind))
        port.knobs["bpf_offloaded_id"].value = int(getattr(prog, "id", 0) or 0) if prog else 0
        self._set_loaded(prog, True)

    @staticmethod
    def _slot(prog: Any, req: Any, kind: str) -> HwSlot:
        common = getattr(req, "common", None)
        return HwSlot(
            prog=prog,
            kind=kind,
            chain=getattr(common, "chain_index", 0),
            prio=getattr(common, "prio", 0),
            protocol=getattr(common, "protocol", ETH_P_ALL),
            da=bool(getattr(req, "exts_integrated", True)),
        )

    def _set_loaded(self, prog: Any, loaded: bool) -> None:
        """``nsim_prog_set_loaded()``: only device-bound programs have the flag."""
        if prog is None:
            return
        for b in self.bound:
            if b.prog is prog:
                b.is_loaded = loaded

    # -- richer profiles -----------------------------------------------------------------

    def check_limits(self, prog: Any) -> tuple[int, str] | None:
        """The hardware's own limits: size, stack, helpers, map types."""
        p = self.profile
        n = int(getattr(prog, "insn_cnt", 0))
        if p.max_insns is not None and n > p.max_insns:
            return -E2BIG, f"program too large for the hardware ({n} > {p.max_insns} insns)"
        stack = getattr(prog, "stack_depth", None)
        if p.max_stack is not None and stack is not None and stack > p.max_stack:
            return -E2BIG, f"program stack too deep for the hardware ({stack} > {p.max_stack})"
        helpers = getattr(prog, "helpers_used", None)
        if p.allowed_helpers is not None and helpers:
            bad = sorted(set(helpers) - p.allowed_helpers)
            if bad:
                return -EOPNOTSUPP, f"helper {bad[0]} not supported by the hardware"
        map_types = getattr(prog, "map_types", None)
        if p.allowed_map_types is not None and map_types:
            bad = sorted(set(map_types) - p.allowed_map_types)
            if bad:
                return -EOPNOTSUPP, f"map type {bad[0]} not supported by the hardware"
        return None

    def _offload_multi(self, port: SimPort, req: TcClsBpfOffload, extack: Extack | None) -> int:
        """Several slots: replace in place when the old program is held, otherwise add;
        a remove of something not held is a silent success (as netdevsim does)."""
        mod = self.profile.module
        prog, oldprog = req.prog, req.oldprog
        old_slot = port.hw.find(oldprog) if oldprog is not None else None
        if prog is None:
            if old_slot is not None:
                port.hw.slots.remove(old_slot)
                self._set_loaded(oldprog, False)
            return 0
        if port.hw.find(prog) is not None:
            set_extack(extack, mod, "program already loaded on this port")
            return -EBUSY
        bad = self.check_limits(prog)
        if bad is not None:
            set_extack(extack, mod, bad[1])
            return bad[0]
        if old_slot is None and len(port.hw.slots) >= self.hw.slots_per_port:
            set_extack(extack, mod, f"no free program slot ({len(port.hw.slots)} in use)")
            return -ENOSPC
        left = self.hw.memory_left(port.hw)
        need = int(getattr(prog, "insn_cnt", 0)) - (
            int(getattr(oldprog, "insn_cnt", 0)) if old_slot is not None else 0
        )
        if left is not None and need > left:
            set_extack(extack, mod, f"out of instruction memory ({need} needed, {left} free)")
            return -ENOSPC
        new = self._slot(prog, req, "tc")
        if old_slot is not None:
            port.hw.slots[port.hw.slots.index(old_slot)] = new
            self._set_loaded(oldprog, False)
        else:
            port.hw.slots.append(new)
        self._set_loaded(prog, True)
        port.knobs["bpf_offloaded_id"].value = int(getattr(prog, "id", 0) or 0)
        return 0

    def _stats(self, port: SimPort, req: TcClsBpfOffload) -> int:
        """``TC_CLSBPF_STATS``: report deltas since the last poll through the exts."""
        slot = port.hw.find(req.prog)
        if slot is None:
            return 0
        bytes_, packets, drops = slot.take_deltas()
        if packets or bytes_ or drops:
            req.stats_update(bytes_, packets, drops, int(time.monotonic() * 1000))
        return 0

    # -- XDP in the driver (XDP_SETUP_PROG) ------------------------------------------------

    #: ``NSIM_XDP_MAX_MTU``
    XDP_MAX_MTU = 4000

    def xdp_drv(self, dev: NetDevice, prog: Any, extack: Extack | None) -> int:
        """Mirrors ``nsim_bpf`` for XDP_SETUP_PROG: ``nsim_setup_prog_checks`` (a
        device-bound program, an MTU above 4000) then ``nsim_xdp_set_prog``'s
        ``bpf_xdpdrv_accept`` check, which also applies to a removal."""
        port = self.port_of(dev)
        mod = self.profile.module
        if prog is not None and getattr(prog, "offload_ifindex", None) is not None:
            set_extack(extack, mod, "attempt to load offloaded prog to drv")
            return -EINVAL
        if dev.mtu > self.XDP_MAX_MTU:
            set_extack(extack, mod, "MTU too large w/ XDP enabled")
            return -EINVAL
        if not port.knob("bpf_xdpdrv_accept"):
            set_extack(extack, mod, "driver XDP disabled in DebugFS")
            return -EOPNOTSUPP
        port.xdp_drv_prog = prog
        return 0

    def ndo_change_mtu(self, dev: NetDevice, mtu: int) -> int:
        """``nsim_change_mtu``: no MTU above 4000 while a driver XDP program is attached."""
        port = self.port_of(dev)
        if port.xdp_drv_prog is not None and mtu > self.XDP_MAX_MTU:
            return -EBUSY
        dev.mtu = mtu
        return 0

    # -- XDP offload (shares netdevsim's slot) --------------------------------------------

    def xdp_offload(self, dev: NetDevice, prog: Any, extack: Extack | None) -> int:
        """Mirrors ``nsim_xdp_offload_prog()`` (after the ``bpf_xdpoffload_accept`` check)."""
        port = self.port_of(dev)
        mod = self.profile.module
        if prog is not None:  # nsim_setup_prog_hw_checks
            bound = getattr(prog, "offload_ifindex", None)
            if bound is None or getattr(prog, "offload_dead", False):
                set_extack(extack, mod, "xdpoffload of non-bound program")
                return -EINVAL
            if not self.owns(bound):  # bpf_offload_dev_match
                set_extack(extack, mod, "program bound to different dev")
                return -EINVAL
        # nsim_xdp_set_prog(): the knob refuses every XDP_SETUP_PROG_HW, removal included
        if not port.knob("bpf_xdpoffload_accept"):
            set_extack(extack, mod, "XDP offload disabled in DebugFS")
            return -EOPNOTSUPP
        active = port.xdp_hw_prog is not None
        if not active and prog is None:
            return 0
        if not active and prog is not None and port.hw.slots:
            set_extack(extack, mod, "TC program is already loaded")
            return -EBUSY
        self._nsim_bpf_offload(port, prog, active, None, kind="xdp")
        port.xdp_hw_prog = prog
        return 0

    # -- device-bound programs (the verifier hooks) --------------------------------------

    def verifier_prep(self, prog: Any) -> int:
        """Mirrors ``nsim_bpf_verifier_prep()`` + ``nsim_bpf_create_prog()``."""
        if not self.knobs["bpf_bind_accept"].value:
            return -EOPNOTSUPP
        self.bound.append(BoundProg(seq=self.prog_id_gen, prog=prog))
        self.prog_id_gen += 1
        return 0

    def verify(self, prog: Any, n_insns: int) -> tuple[int, list[str]]:
        """Mirrors ``nsim_bpf_verify_insn()`` over the whole program: the delay at insn 0,
        the hello line at the last insn, then ``bpf_bind_verifier_accept``; a richer
        profile also applies its limits here, as a real NIC's verifier would."""
        delay = int(self.knobs["bpf_bind_verifier_delay"].value)
        if delay:
            time.sleep(delay / 1000)
        mod = self.profile.module
        if self.profile.netdevsim_exact:
            log = [f"[{mod}] Hello from {mod}!"] if n_insns else []
            if not self.knobs["bpf_bind_verifier_accept"].value:
                return -EOPNOTSUPP, log
            return 0, log
        if not self.knobs["bpf_bind_verifier_accept"].value:
            return -EOPNOTSUPP, [f"[{mod}] refused by the bpf_bind_verifier_accept knob"]
        bad = self.check_limits(prog)
        if bad is not None:
            return bad[0], [f"[{mod}] {bad[1]}"]
        return 0, []

    def translate(self, prog: Any) -> None:
        """Mirrors ``nsim_bpf_translate()``."""
        for b in self.bound:
            if b.prog is prog:
                b.state = "xlated"

    def destroy_prog(self, prog: Any) -> None:
        """Mirrors ``nsim_bpf_destroy_prog()``: the debugfs entry goes."""
        self.bound = [b for b in self.bound if b.prog is not prog]

    def offload_holdings(self, cb_priv: Any) -> list[Any]:
        """Audit hook: the TC programs the hardware behind a callback really holds."""
        port = cb_priv
        return [s.prog for s in port.hw.tc_slots()] if isinstance(port, SimPort) else []

    def owns(self, ifindex: int | None) -> bool:
        return any(p.netdev.ifindex == ifindex for p in self.ports)


def make_driver(
    profile: str | NicProfile = "netdevsim",
    dev_id: int = 0,
    log: EventLog | None = None,
    faults: FaultPlan | None = None,
) -> SimNicDriver:
    """Entry-point factory (``offload.drivers``: ``simnic``)."""
    if isinstance(profile, str):
        if profile not in PROFILES:
            raise ValueError(f"unknown NIC profile {profile!r} (one of {', '.join(PROFILES)})")
        profile = PROFILES[profile]
    return SimNicDriver(profile, dev_id, log, faults)

