"""A network namespace: devices, qdiscs, shared blocks and the tc filter requests.

Mirrors the request handlers of ``net/sched/cls_api.c`` (``tc_new_tfilter``,
``tc_del_tfilter``, ``tc_get_tfilter``, ``tc_dump_tfilter``, ``tcf_classify``) and of
``net/sched/sch_api.c`` for the ingress/clsact qdiscs (``tc_modify_qdisc``,
``tc_get_qdisc`` for delete), with the same checks, errnos and extack strings.

Every public method either completes or raises :class:`core.errors.TcError` with nothing
half-applied, which is what a kernel request does.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs

from core.actions import TC_ACT_UNSPEC, GactAction
from core.block import TC_ACT_EXT_VAL_MASK, Block, Chain, TcfProto
from core.boundary import Boundary, is_inline
from core.cls_bpf import ClsBpf, ClsBpfFilter
from core.cls_opaque import FlowerCls, MatchallCls, U32Cls
from core.errors import (
    EEXIST,
    EINVAL,
    ENODEV,
    ENOENT,
    EOPNOTSUPP,
    Extack,
    TcError,
)
from core.events import EventLog
from core.netdev import NETIF_F_HW_TC, NetDevice
from core.profile import V6_1, Profile
from core.qdisc import (
    EGRESS,
    INGRESS,
    INGRESS_HANDLE,
    TC_H_INGRESS,
    IngressQdisc,
    tcf_block_get,
    tcf_block_put,
)
from core.skb import ETH_P_ALL, SkBuff

TC_H_ROOT = 0xFFFFFFFF


@attrs.frozen
class _RootQdisc:
    """A device's built-in qdisc (``noop_qdisc`` or the default ``noqueue``): handle 0."""

    kind: str
    handle: int = 0


class OpaqueCls:
    """A classifier kind the model knows only by name (``u32``, ``matchall``, ``flower``):
    it can occupy a prio (so kind mismatches are reported) but never matches or offloads."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.handles: dict[int, Any] = {}

    def get(self, handle: int) -> Any:
        return self.handles.get(handle)

    def walk(self) -> list[Any]:
        return list(self.handles.values())

    def empty(self) -> bool:
        return not self.handles

    def change(self, tp: TcfProto, handle: int, opts: Any, old: Any, create: bool,
               extack: Extack) -> Any:
        if old is None:
            handle = handle or (max(self.handles, default=0x7FF) + 1)
        obj = {"handle": handle, "opts": opts}
        self.handles[handle] = obj
        return obj

    def delete(self, tp: TcfProto, filt: Any, extack: Extack) -> bool:
        self.handles.pop(filt["handle"], None)
        return not self.handles

    def destroy(self, tp: TcfProto, extack: Extack) -> None:
        self.handles.clear()

    def classify(self, tp: TcfProto, skb: SkBuff) -> tuple[int, int, Any]:
        return -1, 0, None


#: Classifier kinds the namespace can instantiate (``tcf_proto_lookup_ops``).
CLASSIFIERS: dict[str, Any] = {
    "bpf": ClsBpf,
    "u32": U32Cls,
    "matchall": MatchallCls,
    "flower": FlowerCls,
}


@attrs.frozen
class FilterTarget:
    """Where a filter request points: ``dev DEV parent P`` or ``block N``."""

    dev: str | None = None
    parent: int = 0
    block_index: int = 0


@attrs.frozen
class ClassifyResult:
    """What ``tcf_classify`` returned: the verdict, the classid and the matching filter."""

    verdict: int
    classid: int = 0
    tp: TcfProto | None = None
    filt: Any = None


class Net:
    """A network namespace holding the tc state, with one semantics profile."""

    #: ``ns_dev``: nsfs's device number, which bpftool reports with ``ns_inode``.
    NS_DEV = 4
    #: init_net's ``net->ns.inum`` on a booted system (4026531840)
    INIT_INUM = 0xF0000000

    def __init__(self, profile: Profile = V6_1, log: EventLog | None = None,
                 inum: int = INIT_INUM, boundary: Boundary | None = None) -> None:
        self.inum = inum  # ``net->ns.inum``
        self.profile = profile
        self.log = log if log is not None else EventLog()
        #: every call into a driver goes through it (core.boundary)
        self.boundary = boundary if boundary is not None else Boundary()
        self.devices: dict[str, NetDevice] = {}
        self.blocks: dict[int, Block] = {}
        self._next_ifindex = 1
        self._action_indexes: dict[str, set[int]] = {}
        # a fresh namespace's loopback is registered but down (no root qdisc yet)
        self.add_device("lo", kind="loopback")

    # -- devices -----------------------------------------------------------------------

    def add_device(
        self, name: str, driver: Any = None, kind: str = "ether", **kw: Any
    ) -> NetDevice:
        """``register_netdevice()``."""
        if name in self.devices:
            raise TcError(-EEXIST)
        dev = NetDevice(name=name, ifindex=self._new_ifindex(), driver=driver, kind=kind, **kw)
        dev.net = self
        if dev.has_setup_tc:
            dev.hw_features.add(NETIF_F_HW_TC)
        self.devices[name] = dev
        return dev

    def _new_ifindex(self) -> int:
        """``dev_new_index``: the next index not in use in this namespace."""
        used = {d.ifindex for d in self.devices.values()}
        while self._next_ifindex in used:
            self._next_ifindex += 1
        self._next_ifindex += 1
        return self._next_ifindex - 1

    def change_net_namespace(self, name: str, target: Net,
                             new_name: str | None = None) -> NetDevice:
        """Mirrors ``dev_change_net_namespace``: a ``NETIF_F_NETNS_LOCAL`` device (lo)
        cannot move (EINVAL), a name taken in ``target`` is EEXIST (unless ``new_name``,
        the ``dev%d`` pattern of a dying namespace, gives another). The device is closed
        and ``dev_shutdown`` destroys its qdiscs (filters go, blocks unbind) before it is
        unlisted here and listed in ``target``, keeping its ifindex unless taken there.
        Bound programs stay bound (``bpf_offload_notification`` ignores moves)."""
        dev = self.dev(name)
        if dev.kind == "loopback":
            raise TcError(-EINVAL)
        if target is self:
            return dev
        final = dev.name
        if final in target.devices:
            if new_name is None:
                raise TcError(-EEXIST)
            n = 0
            while new_name.replace("%d", str(n)) in target.devices:
                n += 1
            final = new_name.replace("%d", str(n))
        with self.log.op("netns"):
            dev.up = False
            if dev.ingress_qdisc is not None:
                self._qdisc_destroy(dev.ingress_qdisc)
        del self.devices[name]
        if any(d.ifindex == dev.ifindex for d in target.devices.values()):
            dev.ifindex = target._new_ifindex()
        dev.name = final
        dev.net = target
        target.devices[final] = dev
        return dev

    def dev(self, name: str) -> NetDevice:
        try:
            return self.devices[name]
        except KeyError:
            raise TcError(-ENODEV) from None

    def dev_by_ifindex(self, ifindex: int) -> NetDevice | None:
        return next((d for d in self.devices.values() if d.ifindex == ifindex), None)

    def unregister_device(self, name: str) -> None:
        """``unregister_netdevice()``: the qdiscs go first (their blocks unbind and, if it
        was the last reference, flush), then the driver's ``ndo_uninit``."""
        dev = self.dev(name)
        with self.log.op("unregister"):
            if dev.ingress_qdisc is not None:
                self._qdisc_destroy(dev.ingress_qdisc)
            uninit = getattr(dev.driver, "ndo_uninit", None)
            if callable(uninit):
                out = self.boundary.call(uninit, dev, inline=is_inline(dev.driver))
                if out.error is not None:
                    self._driver_error(dev, "ndo_uninit", f"ndo_uninit {out.error}", 0)
        dev.registered = False
        del self.devices[name]
        if dev.peer is not None:  # veth_dellink: the peer goes too, wherever it lives
            peer = dev.peer
            dev.peer = None
            peer.peer = None
            pnet = peer.net or self
            if pnet.devices.get(peer.name) is peer:
                pnet.unregister_device(peer.name)

    def set_feature(self, name: str, feature: str, on: bool) -> None:
        """The ethtool netlink path (``ethnl_set_features``): the *wanted* set changes; only
        if it changed does ``__netdev_update_features()`` run and ask the driver
        (``ndo_set_features``). A refusal leaves the active features as they were and the
        request wanted, so repeating the same request changes nothing at all."""
        dev = self.dev(name)
        if feature not in dev.hw_features:
            raise TcError(-EOPNOTSUPP)
        wanted = set(dev.wanted)
        if on:
            wanted.add(feature)
        else:
            wanted.discard(feature)
        if wanted == dev.wanted:
            return
        dev.wanted_features = wanted
        if wanted == dev.features:
            dev.wanted_features = None
            return
        hook = getattr(dev.driver, "ndo_set_features", None)
        if callable(hook):
            ret, error = self.boundary.call_errno("ndo_set_features", hook, dev,
                                                  frozenset(wanted), inline=is_inline(dev.driver))
            if error is not None:
                self._driver_error(dev, "ndo_set_features", error, ret)
            if ret:
                raise TcError(ret)
        dev.features = wanted
        dev.wanted_features = None

    def _driver_error(self, dev: NetDevice, hook: str, error: str, ret: int) -> None:
        """Record a driver error of a device-level hook as a bus event (blame: driver)."""
        self.log.record(owner=f"{dev.driver_name}:{dev.name}", setup_type=hook, command="",
                        prog=None, oldprog=None, chain=None, prio=None, protocol=None,
                        ret=ret, extack=None, raised=error)

    # -- actions -----------------------------------------------------------------------

    def alloc_action_index(self, kind: str, want: int = 0) -> int:
        """``tcf_idr_check_alloc()``: the asked-for index when it is free, else (also for
        0) the lowest free one. Binding an existing action by its index (shared by two
        filters) is not modelled: a taken index gets a fresh one."""
        used = self._action_indexes.setdefault(kind, set())
        if want and want not in used:
            used.add(want)
            return want
        idx = 1
        while idx in used:
            idx += 1
        used.add(idx)
        return idx

    def release_action_indexes(self, actions: list[GactAction]) -> None:
        for a in actions:
            self._action_indexes.get(a.kind, set()).discard(a.index)

    # -- qdiscs ------------------------------------------------------------------------

    def qdisc_add(
        self,
        name: str,
        kind: str,
        ingress_block: int | None = None,
        egress_block: int | None = None,
        create: bool = True,
        excl: bool = True,
        replace: bool = False,
    ) -> IngressQdisc | None:
        """Mirrors ``tc_modify_qdisc()`` for ``parent ingress`` (``ingress``/``clsact``)."""
        dev = self.dev(name)
        dev.ingress_queue = True
        extack = Extack()
        if kind not in ("ingress", "clsact"):
            extack.set("Specified qdisc kind is unknown")
            raise TcError(-ENOENT, extack.msg)
        q = dev.ingress_qdisc
        if q is not None:
            if excl:
                raise TcError(-EEXIST, "Exclusivity flag on, cannot modify")
            if q.kind != kind:
                raise TcError(-EINVAL, "Invalid qdisc name")
            # qdisc_change() refuses new blocks only inside ``if (tca[TCA_OPTIONS])``, and
            # iproute2 sends no TCA_OPTIONS for ingress/clsact: the old blocks stay
            return q
        if not create:
            raise TcError(-ENOENT, "Qdisc not found. To create specify NLM_F_CREATE flag")
        if ingress_block is not None and ingress_block == 0:
            raise TcError(-EINVAL, "Ingress block index cannot be 0")
        if egress_block is not None:
            if egress_block == 0:
                raise TcError(-EINVAL, "Egress block index cannot be 0")
            if kind == "ingress":
                raise TcError(-EOPNOTSUPP, "Egress block sharing is not supported")
        with self.log.op("qdisc"):
            iblock = tcf_block_get(self, dev, ingress_block or 0, INGRESS, extack)
            q = IngressQdisc(
                kind=kind,
                dev=dev,
                ingress_block=iblock,
                ingress_block_index=ingress_block or 0,
                egress_block_index=egress_block or 0,
            )
            if kind == "clsact":
                try:
                    q.egress_block = tcf_block_get(self, dev, egress_block or 0, EGRESS, extack)
                except TcError:
                    tcf_block_put(self, iblock, dev, INGRESS)
                    raise
        dev.ingress_qdisc = q
        return q

    def qdisc_del(self, name: str, kind: str | None, parent: int = TC_H_INGRESS,
                  handle: int | None = None) -> None:
        """Mirrors ``tc_get_qdisc()`` with RTM_DELQDISC. ``parent`` is the request's
        ``tcm_parent`` (0: find the qdisc by ``handle`` alone), ``handle`` its
        ``tcm_handle`` (default: what tc sends for ``ingress``/``clsact``, ``ffff:``, or 0
        without a kind), ``kind`` its ``TCA_KIND``. The device's root qdisc (``noop`` or
        ``noqueue``) has handle 0: it is found but cannot be deleted."""
        dev = self.dev(name)
        if handle is None:
            handle = INGRESS_HANDLE if kind in ("ingress", "clsact") else 0
        root = _RootQdisc("noqueue" if dev.up else "noop")
        q: Any = None
        if parent:
            if parent == TC_H_ROOT:
                q = root
            elif (parent & 0xFFFF0000) != INGRESS_HANDLE:
                # qdisc_lookup(dev, TC_H_MAJ(parent)): only the ingress qdisc has a handle
                raise TcError(-ENOENT, "Failed to find qdisc with specified classid")
            elif dev.ingress_queue:
                q = dev.ingress_qdisc or _RootQdisc("noop")
            if q is None:
                raise TcError(-ENOENT, "Cannot find specified qdisc on specified device")
            if handle and q.handle != handle:
                raise TcError(-EINVAL, "Invalid handle")
        else:
            if handle and dev.ingress_qdisc is not None and handle == INGRESS_HANDLE:
                q = dev.ingress_qdisc
            if q is None:
                raise TcError(-ENOENT, "Failed to find qdisc with specified handle")
        if kind is not None and kind != q.kind:
            raise TcError(-EINVAL, "Invalid qdisc name")
        if not parent:
            raise TcError(-EINVAL, "Classid cannot be zero")
        if q.handle == 0:
            raise TcError(-ENOENT, "Cannot delete qdisc with handle of zero")
        with self.log.op("qdisc"):
            self._qdisc_destroy(q)

    def _qdisc_destroy(self, q: IngressQdisc) -> None:
        """``clsact_destroy``/``ingress_destroy``: egress block first, then ingress (6.1);
        ingress first, then egress where the profile says so (6.12)."""
        q.dev.ingress_qdisc = None
        puts = [(q.ingress_block, INGRESS)]
        if q.egress_block is not None:
            puts.append((q.egress_block, EGRESS))
        if not self.profile.clsact_ingress_first:
            puts.reverse()
        for block, binder in puts:
            tcf_block_put(self, block, q.dev, binder)

    # -- filter requests -----------------------------------------------------------------

    def find_block(self, target: FilterTarget, extack: Extack) -> Block:
        """Mirrors ``__tcf_qdisc_find`` + ``__tcf_qdisc_cl_find`` + ``__tcf_block_find``."""
        if target.dev is None:
            block = self.blocks.get(target.block_index)
            if block is None:
                raise TcError(-EINVAL, "Block of given index was not found")
            return block
        dev = self.dev(target.dev)
        q = dev.ingress_qdisc
        if q is None or (target.parent & 0xFFFF0000) != INGRESS_HANDLE:
            raise TcError(-EINVAL, "Parent Qdisc doesn't exists")
        minor = target.parent & 0xFFFF
        block = q.block_for(minor)
        if block is None:
            if minor:
                raise TcError(-ENOENT, "Specified class doesn't exist")
            raise TcError(-EINVAL)
        if block.shared:
            raise TcError(
                -EOPNOTSUPP,
                "This filter block is shared. Please use the block index to manipulate the "
                "filters",
            )
        return block

    @staticmethod
    def _check_chain_index(chain: int) -> None:
        if chain > TC_ACT_EXT_VAL_MASK or chain < 0:
            raise TcError(-EINVAL, "Specified chain index exceeds upper limit")

    def filter_new(
        self,
        target: FilterTarget,
        *,
        kind: str | None,
        opts: Any,
        chain: int = 0,
        prio: int = 0,
        protocol: int = ETH_P_ALL,
        handle: int = 0,
        create: bool = True,
        excl: bool = True,
    ) -> tuple[TcfProto, Any]:
        """Mirrors ``tc_new_tfilter()``: add (create+excl), replace (create), change (none)."""
        extack = Extack()
        try:
            return self._filter_new(target, kind, opts, chain, prio, protocol, handle, create,
                                    excl, extack)
        except TcError as err:
            if err.extack is None and extack.msg:
                err.extack = extack.msg
            raise

    def _filter_new(self, target: FilterTarget, kind: str | None, opts: Any, chain_index: int,
                    prio: int, protocol: int, handle: int, create: bool, excl: bool,
                    extack: Extack) -> tuple[TcfProto, Any]:
        prio_allocate = False
        if prio == 0:
            if not create:
                raise TcError(-ENOENT, "Invalid filter command with priority of zero")
            prio = 0x8000
            prio_allocate = True
        block = self.find_block(target, extack)
        self._check_chain_index(chain_index)
        chain = block.chain_get(chain_index, True)
        assert chain is not None
        try:
            try:
                tp, pos = chain.tp_find(protocol, prio, prio_allocate)
            except ValueError:
                raise TcError(
                    -EINVAL, "Filter with specified priority/protocol not found"
                ) from None
            created = False
            if tp is None:
                if kind is None or not protocol:
                    raise TcError(-EINVAL, "Filter kind and protocol must be specified")
                if not create:
                    raise TcError(
                        -ENOENT, "Need both RTM_NEWTFILTER and NLM_F_CREATE to create a new filter"
                    )
                if prio_allocate:
                    nxt = chain.tps[pos] if pos < len(chain.tps) else None
                    prio = (nxt.prio - 1) if nxt is not None else 0xC000
                factory = CLASSIFIERS.get(kind)
                if factory is None:
                    raise TcError(-ENOENT, "TC classifier not found")
                tp = TcfProto(kind=kind, protocol=protocol, prio=prio, chain=chain, ops=factory())
                chain.insert(tp)
                created = True
            try:
                if kind is not None and kind != tp.kind:
                    raise TcError(-EINVAL, "Specified filter kind does not match existing one")
                fh = tp.ops.get(handle) if handle else None
                if fh is None:
                    if not create:
                        raise TcError(
                            -ENOENT,
                            "Need both RTM_NEWTFILTER and NLM_F_CREATE to create a new filter",
                        )
                elif excl:
                    raise TcError(-EEXIST, "Filter already exists")
                filt = tp.ops.change(tp, handle, opts, fh, create, extack)
            except TcError:
                if created and tp.ops.empty():
                    chain.remove(tp)
                raise
            return tp, filt
        finally:
            self._chain_put(chain)

    def _chain_put(self, chain: Chain) -> None:
        """An empty chain without references goes away (``tcf_chain_put``)."""
        if not chain.tps and chain.block.chains.get(chain.index) is chain:
            del chain.block.chains[chain.index]

    def filter_del(
        self,
        target: FilterTarget,
        *,
        kind: str | None = None,
        chain: int = 0,
        prio: int = 0,
        protocol: int = 0,
        handle: int = 0,
    ) -> None:
        """Mirrors ``tc_del_tfilter()``: one filter, a whole prio, or (prio 0) a chain flush."""
        if prio == 0 and (protocol or handle or kind):
            raise TcError(-ENOENT, "Cannot flush filters with protocol, handle or kind set")
        extack = Extack()
        block = self.find_block(target, extack)
        self._check_chain_index(chain)
        ch = block.chain_get(chain, False)
        if ch is None:
            if prio == 0:
                return
            raise TcError(-ENOENT, "Cannot find specified filter chain")
        with self.log.op("delete"):
            if prio == 0:
                for tp in list(ch.tps):
                    tp.ops.destroy(tp, extack)
                    ch.remove(tp)
                self._chain_put(ch)
                return
            tp = self._existing_tp(ch, protocol, prio, kind)
            if handle == 0:
                tp.ops.destroy(tp, extack)
                ch.remove(tp)
                self._chain_put(ch)
                return
            fh = self._existing_filter(tp, handle)
            if tp.ops.delete(tp, fh, extack):
                ch.remove(tp)
                self._chain_put(ch)

    @staticmethod
    def _existing_tp(ch: Chain, protocol: int, prio: int, kind: str | None) -> TcfProto:
        """The lookup shared by ``tc_del_tfilter`` and ``tc_get_tfilter``."""
        try:
            tp, _ = ch.tp_find(protocol, prio, False)
        except ValueError:
            tp = None
        if tp is None:
            raise TcError(-ENOENT, "Filter with specified priority/protocol not found")
        if kind is not None and kind != tp.kind:
            raise TcError(-EINVAL, "Specified filter kind does not match existing one")
        return tp

    @staticmethod
    def _existing_filter(tp: TcfProto, handle: int) -> Any:
        fh = tp.ops.get(handle)
        if fh is None:
            raise TcError(-ENOENT, "Specified filter handle not found")
        return fh

    def filter_get(
        self,
        target: FilterTarget,
        *,
        kind: str | None = None,
        chain: int = 0,
        prio: int = 0,
        protocol: int = 0,
        handle: int = 0,
    ) -> tuple[TcfProto, Any]:
        """Mirrors ``tc_get_tfilter()``; the filter's stats are refreshed as a dump would."""
        if prio == 0:
            raise TcError(-ENOENT, "Invalid filter command with priority of zero")
        block = self.find_block(target, Extack())
        self._check_chain_index(chain)
        ch = block.chain_get(chain, False)
        if ch is None:
            raise TcError(-EINVAL, "Cannot find specified filter chain")
        tp = self._existing_tp(ch, protocol, prio, kind)
        fh = self._existing_filter(tp, handle)
        self._refresh_stats(tp, fh)
        return tp, fh

    def filter_dump(
        self,
        target: FilterTarget,
        *,
        chain: int | None = None,
        prio: int = 0,
        protocol: int = 0,
    ) -> Iterator[tuple[TcfProto, Any]]:
        """Mirrors ``tc_dump_tfilter()``/``tcf_chain_dump()``: for each matching instance, a
        header ``(tp, None)`` then each filter (``cls_bpf_dump`` asks for STATS first)."""
        block = self.find_block(target, Extack())
        chains = [block.chains[chain]] if chain is not None and chain in block.chains else (
            [] if chain is not None else list(block.iter_chains())
        )
        for ch in chains:
            for tp in list(ch.tps):
                if prio and tp.prio != prio:
                    continue
                if protocol and tp.protocol != protocol:
                    continue
                yield tp, None
                for fh in tp.ops.walk():
                    self._refresh_stats(tp, fh)
                    yield tp, fh

    def _refresh_stats(self, tp: TcfProto, fh: Any) -> None:
        if isinstance(fh, ClsBpfFilter):
            tp.ops.update_stats(tp, fh)

    # -- datapath ------------------------------------------------------------------------

    def classify(self, block: Block, skb: SkBuff) -> ClassifyResult:
        """Mirrors ``tcf_classify()`` on chain 0 (``goto chain`` is not modelled)."""
        ch = block.chains.get(0)
        if ch is None:
            return ClassifyResult(TC_ACT_UNSPEC)
        for tp in ch.tps:
            if tp.protocol != ETH_P_ALL and tp.protocol != skb.protocol:
                continue
            ret, classid, filt = tp.ops.classify(tp, skb)
            if ret >= 0:
                return ClassifyResult(ret, classid, tp, filt)
        return ClassifyResult(TC_ACT_UNSPEC)
