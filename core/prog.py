"""What the core needs to know of a BPF program.

The core never decodes or runs instructions itself: programs are objects from ``hwsim.bpf``
(or a test's stand-in) that satisfy :class:`Program`. This mirrors the split in the kernel
between ``struct bpf_prog`` (owned by kernel/bpf) and its users in net/sched.
"""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

import attrs

from core.skb import SkBuff

BPF_PROG_TYPE_SCHED_CLS = 3
BPF_PROG_TYPE_SCHED_ACT = 4
BPF_PROG_TYPE_XDP = 6

BPF_MAXINSNS = 4096


@runtime_checkable
class Program(Protocol):
    """A loaded program, as ``struct bpf_prog`` looks to cls_bpf and to drivers.

    - ``id``: ``prog->aux->id``; 0 for classic programs (``bpf_prog_create`` allocates none).
    - ``tag``: ``prog->tag`` (8 bytes, ``bpf_prog_calc_tag``).
    - ``offload_ifindex``: ``prog->aux->offload->netdev->ifindex`` for a device-bound
      program (loaded with ``prog_ifindex``); ``None`` when the program is not bound.
    - ``is_classic``: a cBPF program given as tc ``bytecode`` (``TCA_BPF_OPS``).
    - ``run(skb)``: ``bpf_prog_run()``; returns the program's u32 result (R0 / A).
    """

    id: int
    tag: bytes
    name: str
    prog_type: int
    offload_ifindex: int | None
    is_classic: bool

    @property
    def insn_cnt(self) -> int: ...

    def run(self, skb: SkBuff) -> int: ...


@attrs.frozen
class RefusedClassic:
    """Classic bytecode (``TCA_BPF_OPS``) that ``bpf_check_classic()`` refuses.

    iproute2 sends the instructions as they are; the kernel only looks at them in
    ``cls_bpf_prog_from_ops()`` (``bpf_prog_create()``), after ``tc_new_tfilter`` has
    resolved the qdisc, block, chain and classifier instance and ``cls_bpf_change()`` has
    checked the handle and flags. The core raises -EINVAL for it at that point."""

    text: str = ""
    id: int = 0
    tag: bytes = b""
    name: str = ""
    prog_type: int = 0
    offload_ifindex: int | None = None
    is_classic: bool = True
    insn_cnt: int = 0


def bpf_offload_dev_match(net: Any, prog: Any, dev: Any) -> bool:
    """Mirrors ``bpf_offload_dev_match()`` (kernel/bpf/offload.c): a device-bound program
    matches the device it was loaded for, and every device of the same offload device
    (``bpf_offload_dev``, one per driver instance: the ports of one netdevsim device); an
    unbound program, or one whose device is gone, matches nothing."""
    ifindex = getattr(prog, "offload_ifindex", None)
    if ifindex is None:
        return False
    if ifindex == dev.ifindex:
        return True
    bound = net.dev_by_ifindex(ifindex)
    return bound is not None and bound.driver is not None and bound.driver is dev.driver
