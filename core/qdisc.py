"""The ``ingress`` and ``clsact`` qdiscs: the owners of tc blocks on a device.

Mirrors ``net/sched/sch_ingress.c`` (``ingress_init``/``clsact_init``, their
``tcf_block_get_ext`` calls with binder types CLSACT_INGRESS/CLSACT_EGRESS, and
``*_destroy`` with ``tcf_block_put_ext``), and the per-namespace shared-block table of
``tcf_block_get_ext``/``__tcf_block_put`` in ``net/sched/cls_api.c``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from core.block import Block
from core.errors import EBUSY, Extack
from core.offload import FlowBlockBinderType

if TYPE_CHECKING:
    from core.net import Net
    from core.netdev import NetDevice

TC_H_INGRESS = 0xFFFFFFF1
TC_H_CLSACT = TC_H_INGRESS
TC_H_MIN_INGRESS = 0xFFF2
TC_H_MIN_EGRESS = 0xFFF3
INGRESS_HANDLE = 0xFFFF0000

INGRESS = FlowBlockBinderType.FLOW_BLOCK_BINDER_TYPE_CLSACT_INGRESS
EGRESS = FlowBlockBinderType.FLOW_BLOCK_BINDER_TYPE_CLSACT_EGRESS


@attrs.define(eq=False)
class IngressQdisc:
    """An ``ingress`` (one block) or ``clsact`` (ingress and egress blocks) qdisc."""

    kind: str
    dev: NetDevice
    ingress_block: Block
    egress_block: Block | None = None
    ingress_block_index: int = 0
    egress_block_index: int = 0
    handle: int = INGRESS_HANDLE
    parent: int = TC_H_INGRESS

    def block_for(self, minor: int) -> Block | None:
        """Mirrors ``ingress_tcf_block``/``clsact_tcf_block`` via ``*_find``: an ingress
        qdisc answers every class with its one block; clsact knows ingress and egress."""
        if self.kind == "ingress":
            return self.ingress_block
        if minor == TC_H_MIN_INGRESS:
            return self.ingress_block
        if minor == TC_H_MIN_EGRESS:
            return self.egress_block
        return None

    def blocks(self) -> list[tuple[Block, FlowBlockBinderType]]:
        out = [(self.ingress_block, INGRESS)]
        if self.egress_block is not None:
            out.append((self.egress_block, EGRESS))
        return out


def tcf_block_get(
    net: Net, dev: NetDevice, index: int, binder: FlowBlockBinderType, extack: Extack
) -> Block:
    """Mirrors ``tcf_block_get_ext()``: find or create the block (shared ones live in the
    namespace's table), take a reference, record the owner, then bind the device. On a bind
    failure everything is undone and the error raised."""
    from core.errors import TcError

    created = False
    if index:
        block = net.blocks.get(index)
        if block is None:
            block = Block(net=net, index=index)
            created = True
    else:
        block = Block(net=net)
        created = True
    if created and index:
        net.blocks[index] = block
    block.refcnt += 1
    block.owners.append((dev, binder))
    err = block.offload_bind(dev, binder, extack)
    if not err and _tracks_dev(net, block):
        # xa_insert(&block->ports, dev->ifindex, ...): -EBUSY when the device is there
        if dev.ifindex in block.ports:
            extack.set("block dev insert failed")
            block.offload_unbind(dev, binder)
            err = -EBUSY
        else:
            block.ports[dev.ifindex] = dev
    if err:
        block.owners.remove((dev, binder))
        block.refcnt -= 1
        if block.refcnt == 0 and index:
            net.blocks.pop(index, None)
        raise TcError.from_ret(err, extack)
    return block


def _tracks_dev(net: Net, block: Block) -> bool:
    """``tcf_block_tracks_dev()``: shared blocks (ingress/egress binders) keep their devices
    in ``block->ports`` on kernels that have it (profile ``block_tracks_ports``)."""
    return net.profile.block_tracks_ports and block.shared


def tcf_block_put(net: Net, block: Block, dev: NetDevice, binder: FlowBlockBinderType) -> None:
    """Mirrors ``tcf_block_put_ext()`` → ``__tcf_block_put()``: the last reference removes a
    shared block from the table and flushes its chains; v6.1 unbinds before the flush, the
    v5.2 SEED flushed first."""
    if _tracks_dev(net, block):
        block.ports.pop(dev.ifindex, None)
    if (dev, binder) in block.owners:
        block.owners.remove((dev, binder))
    block.refcnt -= 1
    last = block.refcnt == 0
    if last and block.index:
        net.blocks.pop(block.index, None)
    if last and not net.profile.unbind_before_flush:
        block.flush_all_chains()
    block.offload_unbind(dev, binder)
    if last and net.profile.unbind_before_flush:
        block.flush_all_chains()
