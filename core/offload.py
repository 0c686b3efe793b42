"""The offload requests that travel on the block-callback bus.

Mirrors ``include/net/pkt_cls.h`` (``struct tc_cls_common_offload``,
``struct tc_cls_bpf_offload``, ``enum tc_clsbpf_command``) and
``include/net/flow_offload.h`` (``struct flow_block_offload``, ``struct flow_block_cb``,
``enum flow_block_command``, ``enum flow_block_binder_type``).
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import attrs

from core.errors import Extack

if TYPE_CHECKING:
    from core.actions import TcfExts
    from core.block import Block
    from core.prog import Program


class TcSetupType(enum.IntEnum):
    """``enum tc_setup_type`` (the values this model uses)."""

    TC_SETUP_QDISC_MQPRIO = 0
    TC_SETUP_CLSU32 = 1
    TC_SETUP_CLSFLOWER = 2
    TC_SETUP_CLSMATCHALL = 3
    TC_SETUP_CLSBPF = 4
    TC_SETUP_BLOCK = 5


class TcClsBpfCommand(enum.IntEnum):
    """``enum tc_clsbpf_command``."""

    TC_CLSBPF_OFFLOAD = 0
    TC_CLSBPF_STATS = 1


class FlowBlockCommand(enum.IntEnum):
    """``enum flow_block_command``."""

    FLOW_BLOCK_BIND = 0
    FLOW_BLOCK_UNBIND = 1


class FlowBlockBinderType(enum.IntEnum):
    """``enum flow_block_binder_type``."""

    FLOW_BLOCK_BINDER_TYPE_UNSPEC = 0
    FLOW_BLOCK_BINDER_TYPE_CLSACT_INGRESS = 1
    FLOW_BLOCK_BINDER_TYPE_CLSACT_EGRESS = 2
    FLOW_BLOCK_BINDER_TYPE_RED_EARLY_DROP = 3
    FLOW_BLOCK_BINDER_TYPE_RED_MARK = 4


@attrs.define
class TcClsCommonOffload:
    """``struct tc_cls_common_offload``: filled by ``tc_cls_common_offload_init()``.

    ``extack`` is only passed when the filter is skip_sw (or VERBOSE, which cls_bpf rejects),
    exactly like the kernel, so drivers see ``None`` otherwise and their messages are lost.
    """

    chain_index: int
    protocol: int
    prio: int
    extack: Extack | None = None


@attrs.define
class TcClsBpfOffload:
    """``struct tc_cls_bpf_offload``: one ``TC_SETUP_CLSBPF`` request.

    ``prog``/``oldprog``: add (prog, None), replace (prog, old), remove (None, old).
    ``stats`` is where a driver answering ``TC_CLSBPF_STATS`` reports counters; it mirrors
    calling ``tcf_exts_stats_update(cls_bpf->exts, ...)`` (see :meth:`stats_update`).
    """

    common: TcClsCommonOffload
    command: TcClsBpfCommand
    exts: TcfExts | None
    prog: Program | None
    oldprog: Program | None
    name: str | None
    exts_integrated: bool

    def stats_update(self, bytes_: int, packets: int, drops: int = 0, lastuse: int = 0) -> None:
        """Mirrors ``tcf_exts_stats_update()``: hardware counters added to the filter's stats."""
        if self.exts is not None:
            self.exts.stats_update(bytes_, packets, drops, lastuse)


#: ``flow_setup_cb_t``: ``cb(type, type_data, cb_priv) -> 0 or -errno``.
FlowSetupCb = Callable[[TcSetupType, Any, Any], int]


@attrs.define(eq=False)
class FlowBlockCb:
    """``struct flow_block_cb``: one callback a driver binds to a block.

    ``owner`` names the callback in events and error messages (driver and port).
    ``locked`` is the inverse of ``flow_block_offload.unlocked_driver_cb`` at bind time and
    decides whether the callback counts in ``lockeddevcnt``.
    """

    cb: FlowSetupCb
    cb_ident: Any
    cb_priv: Any
    owner: str = "?"
    release: Callable[[Any], None] | None = None
    locked: bool = True
    driver_list: list[FlowBlockCb] | None = attrs.field(default=None, repr=False)


@attrs.define
class FlowBlockOffload:
    """``struct flow_block_offload``: a ``TC_SETUP_BLOCK`` request to ``ndo_setup_tc``.

    The driver appends its :class:`FlowBlockCb` objects to ``cb_list`` on BIND, and moves
    them there on UNBIND (``flow_block_cb_add`` / ``flow_block_cb_remove``).
    """

    command: FlowBlockCommand
    binder_type: FlowBlockBinderType
    block: Block
    extack: Extack | None
    cb_list: list[FlowBlockCb] = attrs.field(factory=list)
    unlocked_driver_cb: bool = False
    block_shared: bool = False
