"""The simulated SmartNIC hardware: what the card really holds and does.

The driver (``drivers/simnic``) answers the block-callback bus; this module is the silicon
behind it. It knows, per port, which programs sit in which slot, how much instruction memory
is used, and the packet/byte/drop counters of each slot. It never looks at the kernel's
bookkeeping, so comparing the two (``offload.audit``) shows where they disagree.

:class:`NicProfile` is data: a user defines their own NIC in a few lines.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs


@attrs.frozen
class NicProfile:
    """What a simulated NIC can do.

    - ``netdevsim_exact``: answer exactly like drivers/net/netdevsim/bpf.c (v6.1): one slot
      per port shared by TC and XDP offload, its check order, knobs and messages.
    - ``slots_per_port``: programs a port can hold at once (netdevsim: 1).
    - ``shared_store``: the ports of one device share one instruction memory
      (``insn_memory`` words in all) instead of each port having its own.
    - ``max_insns``/``max_stack``: per-program limits of the hardware's engine.
    - ``allowed_helpers``/``allowed_map_types``: ``None`` allows everything.
    - ``supports_stats``: answers ``TC_CLSBPF_STATS`` with counter deltas since the last poll
      (through ``tcf_exts_stats_update``, the way nfp did).
    - ``datapath``: the hardware runs the programs it holds on received packets. netdevsim
      has no datapath (the real driver never executes programs).
    - ``requires_bound``: refuse programs not loaded for this device (like a real NIC's
      JIT needs the device-bound load), unless the port's ``bpf_tc_non_bound_accept`` is Y.
    - ``module``: the extack prefix (``NL_SET_ERR_MSG_MOD``).
    """

    name: str
    netdevsim_exact: bool = False
    slots_per_port: int = 1
    shared_store: bool = False
    insn_memory: int | None = None
    max_insns: int | None = None
    max_stack: int | None = None
    allowed_helpers: frozenset[int] | None = None
    allowed_map_types: frozenset[int] | None = None
    supports_stats: bool = False
    datapath: bool = True
    requires_bound: bool = False
    chain0_only: bool = True
    eth_p_all_only: bool = True
    hw_tc_offload_default: bool = False
    module: str = "simnic"


NETDEVSIM = NicProfile(
    name="netdevsim",
    netdevsim_exact=True,
    slots_per_port=1,
    supports_stats=False,
    datapath=False,
    requires_bound=True,
    module="netdevsim",
)

SMARTNIC = NicProfile(
    name="smartnic",
    slots_per_port=4,
    insn_memory=8192,
    max_insns=4096,
    max_stack=512,
    supports_stats=True,
    datapath=True,
    requires_bound=False,
    eth_p_all_only=False,
    hw_tc_offload_default=True,
    module="smartnic",
)

#: A small multi-port card: 2 slots a port, 2048 instruction words shared by all ports,
#: no maps beyond arrays/hashes (1, 2), a short helper list (map ops, ktime, csum, redirect).
SMARTNIC_LITE = NicProfile(
    name="smartnic-lite",
    slots_per_port=2,
    shared_store=True,
    insn_memory=2048,
    max_insns=1024,
    max_stack=256,
    allowed_helpers=frozenset({1, 2, 3, 5, 10, 11, 23, 28}),
    allowed_map_types=frozenset({1, 2}),
    supports_stats=True,
    datapath=True,
    eth_p_all_only=False,
    hw_tc_offload_default=True,
    module="smartnic",
)

PROFILES: dict[str, NicProfile] = {p.name: p for p in (NETDEVSIM, SMARTNIC, SMARTNIC_LITE)}


@attrs.define(eq=False)
class HwSlot:
    """One loaded program in a port's program memory, with its counters."""

    prog: Any
    kind: str = "tc"  # "tc" or "xdp"
    chain: int = 0
    prio: int = 0
    protocol: int = 0
    da: bool = True
    packets: int = 0
    bytes: int = 0
    drops: int = 0
    polled_packets: int = 0
    polled_bytes: int = 0
    polled_drops: int = 0

    def take_deltas(self) -> tuple[int, int, int]:
        """Counters since the last poll, and start a new period (nfp's stats model)."""
        d = (
            self.bytes - self.polled_bytes,
            self.packets - self.polled_packets,
            self.drops - self.polled_drops,
        )
        self.polled_bytes, self.polled_packets, self.polled_drops = (
            self.bytes,
            self.packets,
            self.drops,
        )
        return d


@attrs.define(eq=False)
class HwPort:
    """A port's program memory: at most ``slots`` programs."""

    index: int
    slots: list[HwSlot] = attrs.field(factory=list)
    rx_packets: int = 0
    rx_dropped_hw: int = 0

    def find(self, prog: Any) -> HwSlot | None:
        return next((s for s in self.slots if s.prog is prog), None)

    def tc_slots(self) -> list[HwSlot]:
        return [s for s in self.slots if s.kind == "tc"]

    def programs(self) -> list[Any]:
        return [s.prog for s in self.slots]


@attrs.define(eq=False)
class NicHardware:
    """One card (``nsim_dev``-like): its ports and the shared instruction memory."""

    profile: NicProfile
    ports: list[HwPort] = attrs.field(factory=list)
    insn_memory: int | None = None
    resets: int = 0
    #: Slots per port now (starts at the profile's; ``nic set ID slots N`` shrinks it to
    #: inject "out of slots" mid-scenario).
    slots_per_port: int = 0

    def __attrs_post_init__(self) -> None:
        if self.insn_memory is None:
            self.insn_memory = self.profile.insn_memory
        if not self.slots_per_port:
            self.slots_per_port = self.profile.slots_per_port

    def add_port(self) -> HwPort:
        port = HwPort(index=len(self.ports))
        self.ports.append(port)
        return port

    def insns_used(self, port: HwPort | None = None) -> int:
        ports = self.ports if (self.profile.shared_store or port is None) else [port]
        return sum(int(getattr(s.prog, "insn_cnt", 0)) for p in ports for s in p.slots)

    def memory_left(self, port: HwPort) -> int | None:
        if self.insn_memory is None:
            return None
        return self.insn_memory - self.insns_used(port)

    def reset(self) -> None:
        """The card drops everything it holds without telling anyone (a firmware reset)."""
        for p in self.ports:
            p.slots.clear()
        self.resets += 1

    def holdings(self) -> Iterator[tuple[HwPort, HwSlot]]:
        for p in self.ports:
            for s in p.slots:
                yield p, s
