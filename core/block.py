"""Blocks, chains and classifier instances, and binding devices to blocks.

Mirrors ``net/sched/cls_api.c``: ``struct tcf_block`` (callback list, ``offloadcnt``,
``nooffloaddevcnt``, ``lockeddevcnt``, chains), ``struct tcf_chain``, ``struct tcf_proto``,
and the bind/unbind machinery: ``tcf_block_offload_bind``, ``tcf_block_offload_cmd``,
``tcf_block_bind`` (replay with unroll), ``tcf_block_unbind`` and
``tcf_block_playback_offloads``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Protocol

import attrs

from core.boundary import DRIVER_ERROR, is_inline
from core.errors import EOPNOTSUPP, Extack
from core.offload import (
    FlowBlockBinderType,
    FlowBlockCb,
    FlowBlockCommand,
    FlowBlockOffload,
    TcSetupType,
)

if TYPE_CHECKING:
    from core.net import Net
    from core.netdev import NetDevice
    from core.skb import SkBuff

TC_ACT_EXT_VAL_MASK = 0x0FFFFFFF


class ClassifierOps(Protocol):
    """What a classifier kind implements (``struct tcf_proto_ops``)."""

    kind: str

    def get(self, handle: int) -> Any: ...
    def change(self, tp: TcfProto, handle: int, opts: Any, old: Any, create: bool,
               extack: Extack) -> Any: ...
    def delete(self, tp: TcfProto, filt: Any, extack: Extack) -> bool: ...
    def destroy(self, tp: TcfProto, extack: Extack) -> None: ...
    def walk(self) -> list[Any]: ...
    def classify(self, tp: TcfProto, skb: SkBuff) -> tuple[int, Any]: ...


@attrs.define(eq=False)
class TcfProto:
    """``struct tcf_proto``: one classifier instance at a (chain, prio, protocol)."""

    kind: str
    protocol: int
    prio: int
    chain: Chain
    ops: Any

    @property
    def block(self) -> Block:
        return self.chain.block

    def has_reoffload(self) -> bool:
        return callable(getattr(self.ops, "reoffload", None))


@attrs.define(eq=False)
class Chain:
    """``struct tcf_chain``: classifier instances ordered by prio (ascending)."""

    index: int
    block: Block
    tps: list[TcfProto] = attrs.field(factory=list)

    def tp_find(self, protocol: int, prio: int, prio_allocate: bool) -> tuple[TcfProto | None, int]:
        """Mirrors ``tcf_chain_tp_find()``: the tp at ``prio`` (or None) and the insert
        position. Raises ``ValueError`` for a prio held by another protocol (the kernel's
        ERR_PTR(-EINVAL)), which callers turn into their own extack.

        The kernel walks its list; ``tps`` is kept sorted by prio (one tp per prio), so
        the first tp at or after ``prio`` is found by bisection."""
        tps = self.tps
        i = bisect_left(tps, prio, key=_prio_of)
        if i < len(tps) and tps[i].prio == prio:
            tp = tps[i]
            if prio_allocate or (tp.protocol != protocol and protocol):
                raise ValueError("prio/protocol mismatch")
            return tp, i
        return None, i

    def insert(self, tp: TcfProto) -> None:
        """``tcf_chain_tp_insert()``: before the first tp of a higher or equal prio."""
        self.tps.insert(bisect_left(self.tps, tp.prio, key=_prio_of), tp)

    def remove(self, tp: TcfProto) -> None:
        """``tcf_chain_tp_remove()``: take ``tp`` out of the list."""
        tps = self.tps
        i = bisect_left(tps, tp.prio, key=_prio_of)
        while i < len(tps) and tps[i] is not tp and tps[i].prio == tp.prio:
            i += 1
        if i < len(tps) and tps[i] is tp:
            del tps[i]
        else:  # not sorted as expected (someone edited tps): the plain search
            tps.remove(tp)


_prio_of = attrgetter("prio")


@attrs.define(eq=False)
class Block:
    """``struct tcf_block``. ``cb_list[0]`` is called first (newly bound callbacks go to the
    head). ``index`` is 0 for a private block, N for shared block N."""

    net: Net
    index: int = 0
    cb_list: list[FlowBlockCb] = attrs.field(factory=list)
    offloadcnt: int = 0
    nooffloaddevcnt: int = 0
    lockeddevcnt: int = 0
    chains: dict[int, Chain] = attrs.field(factory=dict)
    owners: list[tuple[NetDevice, FlowBlockBinderType]] = attrs.field(factory=list)
    refcnt: int = 0
    #: ``block->ports`` (6.12, ``block_tracks_ports``): ifindex -> device of a shared block's
    #: ingress/egress binders, inserted after the bind succeeded.
    ports: dict[int, NetDevice] = attrs.field(factory=dict)

    @property
    def shared(self) -> bool:
        """``tcf_block_shared()``."""
        return self.index != 0

    def offload_in_use(self) -> bool:
        """``tcf_block_offload_in_use()``: ``offloadcnt`` is non-zero."""
        return self.offloadcnt != 0

    def chain_get(self, index: int, create: bool) -> Chain | None:
        chain = self.chains.get(index)
        if chain is None and create:
            chain = Chain(index, self)
            self.chains[index] = chain
        return chain

    def iter_chains(self) -> Iterator[Chain]:
        """Chains in creation order (``block->chain_list`` is appended to)."""
        yield from list(self.chains.values())

    def iter_tps(self) -> Iterator[TcfProto]:
        for chain in self.iter_chains():
            yield from list(chain.tps)

    def label(self) -> str:
        if self.index:
            return f"block {self.index}"
        owners = ",".join(f"{d.name}" for d, _ in self.owners)
        return f"block of {owners or '?'}"

    # -- replay --------------------------------------------------------------------------

    def playback_offloads(
        self, block_cb: FlowBlockCb, add: bool, offload_in_use: bool, extack: Extack | None
    ) -> int:
        """Mirrors ``tcf_block_playback_offloads()``: replay every filter of every chain to
        one callback. On an add error, replay a remove of the whole block to the same
        callback and return the error."""
        log = self.net.log
        with log.op("replay-add" if add else "replay-remove"):
            for tp in self.iter_tps():
                if tp.has_reoffload():
                    err = tp.ops.reoffload(tp, add, block_cb, extack)
                    if err and add:
                        self.playback_offloads(block_cb, False, offload_in_use, extack)
                        return err
                elif add and offload_in_use:
                    if extack is not None:
                        extack.set(
                            "Filter HW offload failed - classifier without re-offloading support"
                        )
                    self.playback_offloads(block_cb, False, offload_in_use, extack)
                    return -EOPNOTSUPP
        return 0

    # -- bind / unbind -----------------------------------------------------------------

    def _ndo_setup_block(self, dev: NetDevice, bo: FlowBlockOffload) -> tuple[int, bool]:
        """Call the driver's ``ndo_setup_tc(TC_SETUP_BLOCK)`` through the boundary
        (core.boundary): a raise, a bad answer, a rewritten request or an overrun is a
        driver error, answered as ``-EIO``, and whatever it registered is dropped."""
        log = self.net.log
        sent = (bo.command, bo.binder_type, bo.block, bo.extack, bo.unlocked_driver_cb,
                bo.block_shared)
        first = len(bo.cb_list)
        ret, raised = self.net.boundary.call_errno(
            "ndo_setup_tc", dev.driver.ndo_setup_tc, dev, TcSetupType.TC_SETUP_BLOCK, bo,
            inline=is_inline(dev.driver))
        now = (bo.command, bo.binder_type, bo.block, bo.extack, bo.unlocked_driver_cb,
               bo.block_shared)
        if raised is None and any(a is not b for a, b in zip(sent, now, strict=True)):
            raised = "ndo_setup_tc rewrote the request (flow_block_offload fields)"
        if raised is None and not all(isinstance(c, FlowBlockCb) for c in bo.cb_list):
            raised = "ndo_setup_tc put a non-flow_block_cb on cb_list"
        if raised is not None:
            (bo.command, bo.binder_type, bo.block, bo.extack, bo.unlocked_driver_cb,
             bo.block_shared) = sent
            ret = DRIVER_ERROR
            if bo.command == FlowBlockCommand.FLOW_BLOCK_BIND:
                for block_cb in bo.cb_list[first:]:  # what it registered is dropped
                    if isinstance(block_cb, FlowBlockCb):
                        _driver_list_del(block_cb)
            bo.cb_list.clear()
        if raised is not None and bo.extack is not None:
            bo.extack.set(f"{dev.driver_name}: driver error ({raised})")
        log.record(
            op="bind" if bo.command == FlowBlockCommand.FLOW_BLOCK_BIND else "unbind",
            owner=f"{dev.driver_name}:{dev.name}",
            setup_type="TC_SETUP_BLOCK",
            command=f"{bo.command.name}/{bo.binder_type.name.removeprefix('FLOW_BLOCK_BINDER_TYPE_')}",
            prog=None,
            oldprog=None,
            chain=None,
            prio=None,
            protocol=None,
            ret=ret,
            extack=bo.extack.msg if (bo.extack is not None and ret) else None,
            raised=raised,
        )
        return ret, raised is not None

    def offload_cmd(
        self,
        dev: NetDevice,
        command: FlowBlockCommand,
        binder_type: FlowBlockBinderType,
        extack: Extack | None,
    ) -> int:
        """Mirrors ``tcf_block_offload_cmd()``. A device without ``ndo_setup_tc`` always
        answers -EOPNOTSUPP (the indirect path), so it counts as a non-offload device."""
        bo = FlowBlockOffload(
            command=command,
            binder_type=binder_type,
            block=self,
            extack=extack,
            block_shared=self.shared,
        )
        if dev.has_setup_tc:
            err, raised = self._ndo_setup_block(dev, bo)
            if err < 0:
                # The core overwrites the driver's message; a raise keeps ours, which says more.
                if err != -EOPNOTSUPP and extack is not None and not raised:
                    extack.set("Driver ndo_setup_tc failed")
                return err
            if command == FlowBlockCommand.FLOW_BLOCK_BIND:
                return self.bind_cbs(bo)
            self.unbind_cbs(bo)
            return 0
        return -EOPNOTSUPP

    def bind_cbs(self, bo: FlowBlockOffload) -> int:
        """Mirrors ``tcf_block_bind()``: replay the block to each new callback, unrolling
        those already replayed if one fails; on success the new callbacks go to the head."""
        for done, block_cb in enumerate(bo.cb_list):
            err = self.playback_offloads(block_cb, True, self.offload_in_use(), bo.extack)
            if err:
                with self.net.log.op("unroll"):
                    for i, undo in enumerate(bo.cb_list):
                        _driver_list_del(undo)
                        if i < done:
                            self.playback_offloads(undo, False, self.offload_in_use(), None)
                            if undo.locked:
                                self.lockeddevcnt -= 1
                return err
            if not bo.unlocked_driver_cb:
                self.lockeddevcnt += 1
        self.cb_list[0:0] = bo.cb_list
        return 0

    def unbind_cbs(self, bo: FlowBlockOffload) -> None:
        """Mirrors ``tcf_block_unbind()``: replay a remove of every filter to each departing
        callback (errors ignored, every acknowledged remove counted), then drop it."""
        for block_cb in bo.cb_list:
            if block_cb in self.cb_list:
                self.cb_list.remove(block_cb)
            self.playback_offloads(block_cb, False, self.offload_in_use(), None)
            if not bo.unlocked_driver_cb:
                self.lockeddevcnt -= 1

    def offload_bind(
        self, dev: NetDevice, binder_type: FlowBlockBinderType, extack: Extack | None
    ) -> int:
        """Mirrors ``tcf_block_offload_bind()`` (same rules in v5.2 and v6.1)."""
        with self.net.log.op("bind"):
            if dev.has_setup_tc and not dev.tc_can_offload() and self.offload_in_use():
                if extack is not None:
                    extack.set("Bind to offloaded block failed as dev has offload disabled")
                return -EOPNOTSUPP
            err = self.offload_cmd(dev, FlowBlockCommand.FLOW_BLOCK_BIND, binder_type, extack)
            if err == -EOPNOTSUPP:
                if self.offload_in_use():
                    return -EOPNOTSUPP
                self.nooffloaddevcnt += 1
                return 0
            return err

    def offload_unbind(self, dev: NetDevice, binder_type: FlowBlockBinderType) -> None:
        """Mirrors ``tcf_block_offload_unbind()``."""
        with self.net.log.op("unbind"):
            err = self.offload_cmd(dev, FlowBlockCommand.FLOW_BLOCK_UNBIND, binder_type, None)
            if err == -EOPNOTSUPP:
                if self.nooffloaddevcnt == 0:
                    self.net.log.add_finding(
                        "nooffloaddevcnt-underflow",
                        f"WARN_ON(nooffloaddevcnt-- == 0) on unbind of {dev.name}",
                        self.net.profile.name,
                    )
                else:
                    self.nooffloaddevcnt -= 1

    def flush_all_chains(self) -> None:
        """Mirrors ``tcf_block_flush_all_chains()``: destroy every classifier instance."""
        with self.net.log.op("flush"):
            for chain in list(self.iter_chains()):
                for tp in list(chain.tps):
                    tp.ops.destroy(tp, Extack())
                    chain.remove(tp)
            self.chains.clear()


def _driver_list_del(block_cb: FlowBlockCb) -> None:
    """``list_del(&block_cb->driver_list)``: the driver forgets a callback whose bind failed."""
    driver_list = getattr(block_cb, "driver_list", None)
    if driver_list is not None and block_cb in driver_list:
        driver_list.remove(block_cb)
