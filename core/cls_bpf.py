"""The cls_bpf classifier.

Mirrors ``net/sched/cls_bpf.c``: ``struct cls_bpf_prog`` (:class:`ClsBpfFilter`),
``struct cls_bpf_head`` (:class:`ClsBpf`), ``cls_bpf_change`` with its order of checks,
``cls_bpf_offload``, ``cls_bpf_stop_offload``, ``cls_bpf_delete``/``destroy``,
``cls_bpf_reoffload``, ``cls_bpf_offload_update_stats`` and ``cls_bpf_classify``.
``cls_bpf_offload_cmd`` differs between kernel versions and lives in :mod:`core.profile`.
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING

import attrs

from core import bus
from core.actions import (
    TC_ACT_OK,
    TC_ACT_REDIRECT,
    TC_ACT_SHOT,
    TC_ACT_STOLEN,
    TC_ACT_TRAP,
    TC_ACT_UNSPEC,
    TCA_ACT_FLAGS_SKIP_HW,
    TCA_ACT_FLAGS_SKIP_SW,
    GactAction,
    TcfExts,
)
from core.errors import EINVAL, ENOSPC, Extack, TcError
from core.flags import (
    TCA_BPF_FLAG_ACT_DIRECT,
    TCA_CLS_FLAGS_NOT_IN_HW,
    cls_bpf_flags,
    cls_bpf_gen_flags_ok,
    tc_in_hw,
    tc_skip_hw,
    tc_skip_sw,
)
from core.offload import (
    FlowBlockCb,
    TcClsBpfCommand,
    TcClsBpfOffload,
    TcClsCommonOffload,
    TcSetupType,
)
from core.prog import (
    BPF_MAXINSNS,
    BPF_PROG_TYPE_SCHED_CLS,
    Program,
    RefusedClassic,
    bpf_offload_dev_match,
)

if TYPE_CHECKING:
    from core.block import TcfProto
    from core.skb import SkBuff

INT_MAX = 0x7FFFFFFF


def tc_h_maj(h: int) -> int:
    return h & 0xFFFF0000


def to_s32(v: int) -> int:
    v &= 0xFFFFFFFF
    return v - (1 << 32) if v & 0x80000000 else v


@attrs.define
class ClsBpfOpts:
    """The ``TCA_OPTIONS`` nest of a bpf filter request, already parsed.

    ``prog`` stands for ``TCA_BPF_FD`` (an eBPF program) or ``TCA_BPF_OPS_LEN``/``OPS`` (a
    classic one, ``prog.is_classic``). ``both_forms`` models a request carrying both.
    ``actions`` are gact control values (``TC_ACT_*``).
    """

    prog: Program | None = None
    classid: int | None = None
    bpf_flags: int | None = None
    gen_flags: int | None = None
    name: str | None = None
    actions: list[int] = attrs.field(factory=list)
    both_forms: bool = False
    #: each action's own ``TCA_ACT_FLAGS_SKIP_HW``/``_SKIP_SW`` (``action ... skip_sw``)
    action_flags: list[int] = attrs.field(factory=list)
    #: ``action ... index N`` (0: the kernel picks the lowest free index)
    action_indexes: list[int] = attrs.field(factory=list)


@attrs.define(eq=False)
class ClsBpfFilter:
    """``struct cls_bpf_prog``: one bpf filter (not to be confused with the BPF program)."""

    handle: int
    prog: Program
    gen_flags: int = 0
    in_hw_count: int = 0
    exts_integrated: bool = False
    classid: int = 0
    bpf_name: str | None = None
    exts: TcfExts = attrs.field(factory=TcfExts)

    @property
    def filter(self) -> Program:
        """``prog->filter``: the BPF program itself."""
        return self.prog


class ClsBpf:
    """``struct cls_bpf_head`` plus the ``cls_bpf_ops`` that act on it."""

    kind = "bpf"

    def __init__(self) -> None:
        #: newest first, like list_add_rcu at the head (a deque: adding at the head of 50k
        #: filters must not move them all)
        self.plist: deque[ClsBpfFilter] = deque()
        self.handles: dict[int, ClsBpfFilter] = {}

    # -- lookup --------------------------------------------------------------------------

    def get(self, handle: int) -> ClsBpfFilter | None:
        """Mirrors ``cls_bpf_get()``."""
        return self.handles.get(handle)

    def walk(self) -> list[ClsBpfFilter]:
        """Mirrors ``cls_bpf_walk()``: plist order."""
        return list(self.plist)

    def empty(self) -> bool:
        return not self.plist

    def _alloc_handle(self, handle: int) -> int:
        """``idr_alloc_u32`` over [1, INT_MAX] for 0, or exactly ``handle``."""
        if handle == 0:
            h = 1
            while h in self.handles:
                h += 1
            if h > INT_MAX:
                raise TcError(-ENOSPC)
            return h
        if handle in self.handles:
            raise TcError(-ENOSPC)
        return handle

    # -- change ----------------------------------------------------------------------------

    def change(
        self,
        tp: TcfProto,
        handle: int,
        opts: ClsBpfOpts | None,
        oldprog: ClsBpfFilter | None,
        create: bool,
        extack: Extack,
    ) -> ClsBpfFilter:
        """Mirrors ``cls_bpf_change()``: same order of checks and errors; nothing is left
        behind when it fails (the handle is released, the old filter stays in place)."""
        if opts is None:
            raise TcError(-EINVAL)
        if oldprog is not None and handle and oldprog.handle != handle:
            raise TcError(-EINVAL)
        if oldprog is None:
            handle = self._alloc_handle(handle)
        else:
            handle = oldprog.handle
        # From here on, errors unwind by simply not publishing the new filter.
        if opts.both_forms:
            raise TcError(-EINVAL)
        if any(f & (TCA_ACT_FLAGS_SKIP_HW | TCA_ACT_FLAGS_SKIP_SW) for f in opts.action_flags):
            # tcf_exts_validate() passes no filter flags to tcf_action_init(): an action
            # bound to a cls_bpf filter may not carry offload flags of its own
            raise TcError(-EINVAL, "Mismatch between action and filter offload flags")
        if opts.bpf_flags is not None and opts.bpf_flags & ~TCA_BPF_FLAG_ACT_DIRECT:
            raise TcError(-EINVAL)
        gen_flags = 0
        if opts.gen_flags is not None:
            gen_flags = opts.gen_flags
            if not cls_bpf_gen_flags_ok(gen_flags):
                raise TcError(-EINVAL)
        prog = opts.prog
        if prog is None:  # iproute2 sent an empty TCA_BPF_OPS: bpf_prog_create() refuses it
            raise TcError(-EINVAL)
        self._check_prog(prog, gen_flags)
        if tp.block.net.profile.cls_bpf_dev_match:
            self._check_dev_match(tp, prog, extack)
        net = tp.block.net
        wanted = [*opts.action_indexes, *[0] * len(opts.actions)]
        actions = [GactAction(c, net.alloc_action_index("gact", w))
                   for c, w in zip(opts.actions, wanted, strict=False)]
        new = ClsBpfFilter(
            handle=handle,
            prog=prog,
            gen_flags=gen_flags,
            exts_integrated=bool((opts.bpf_flags or 0) & TCA_BPF_FLAG_ACT_DIRECT),
            classid=opts.classid or 0,
            bpf_name=opts.name,
            exts=TcfExts(actions),
        )
        ret = self.offload(tp, new, oldprog, extack)
        if ret:
            tp.block.net.release_action_indexes(actions)
            raise TcError.from_ret(ret, extack)
        if not tc_in_hw(new.gen_flags):
            new.gen_flags |= TCA_CLS_FLAGS_NOT_IN_HW
        if oldprog is not None:
            self.plist[self.plist.index(oldprog)] = new
            tp.block.net.release_action_indexes(oldprog.exts.actions)
        else:
            self.plist.appendleft(new)
        self.handles[handle] = new
        return new

    @staticmethod
    def _check_prog(prog: Program, gen_flags: int) -> None:
        """``cls_bpf_prog_from_ops()`` / ``cls_bpf_prog_from_efd()`` checks on the program:
        classic length, program type, and ``bpf_prog_get_type_dev(..., attach_drv=skip_sw)``
        which refuses a device-bound program on a filter that is not skip_sw (and a map:
        the fd of a pinned map is no program)."""
        if hasattr(prog, "map_type"):
            raise TcError(-EINVAL)
        if prog.is_classic:
            if isinstance(prog, RefusedClassic):  # bpf_prepare_filter(): bpf_check_classic()
                raise TcError(-EINVAL)
            if prog.insn_cnt == 0 or prog.insn_cnt > BPF_MAXINSNS:
                raise TcError(-EINVAL)
            return
        if prog.prog_type != BPF_PROG_TYPE_SCHED_CLS:
            raise TcError(-EINVAL)
        if prog.offload_ifindex is not None and not tc_skip_sw(gen_flags):
            raise TcError(-EINVAL)

    @staticmethod
    def _check_dev_match(tp: TcfProto, prog: Program, extack: Extack) -> None:
        """6.12's ``cls_bpf_prog_from_efd()``: a device-bound program must match the
        block's device, or on a shared block every device in ``block->ports``."""
        if prog.is_classic or prog.offload_ifindex is None:
            return
        block = tp.block
        if not block.shared:
            devs = [d for d, _ in block.owners[:1]]
            match = bool(devs) and bpf_offload_dev_match(block.net, prog, devs[0])
            msg = "Program is bound to a different device"
        else:
            match = False
            for dev in block.ports.values():
                match = bpf_offload_dev_match(block.net, prog, dev)
                if not match:
                    break
            msg = "Program is not bound to every device in the block"
        if not match:
            extack.set(msg)
            raise TcError(-EINVAL, msg)

    # -- offload ---------------------------------------------------------------------------

    def offload(
        self,
        tp: TcfProto,
        prog: ClsBpfFilter | None,
        oldprog: ClsBpfFilter | None,
        extack: Extack,
    ) -> int:
        """Mirrors ``cls_bpf_offload()``: replace needs equal flags; skip_hw sides drop out."""
        if (
            prog is not None
            and oldprog is not None
            and cls_bpf_flags(prog.gen_flags) != cls_bpf_flags(oldprog.gen_flags)
        ):
            return -EINVAL
        if prog is not None and tc_skip_hw(prog.gen_flags):
            prog = None
        if oldprog is not None and tc_skip_hw(oldprog.gen_flags):
            oldprog = None
        if prog is None and oldprog is None:
            return 0
        op = "replace" if prog is not None and oldprog is not None else (
            "add" if prog is not None else "delete"
        )
        with tp.block.net.log.op(op):
            return tp.block.net.profile.offload_cmd(tp, prog, oldprog, extack)

    @staticmethod
    def request(
        tp: TcfProto,
        obj: ClsBpfFilter,
        prog: ClsBpfFilter | None,
        oldprog: ClsBpfFilter | None,
        extack: Extack | None,
        command: TcClsBpfCommand = TcClsBpfCommand.TC_CLSBPF_OFFLOAD,
    ) -> TcClsBpfOffload:
        """Build the request as ``cls_bpf_offload_cmd()`` does, with
        ``tc_cls_common_offload_init()``: the extack reaches drivers only for skip_sw."""
        common = TcClsCommonOffload(
            chain_index=tp.chain.index,
            protocol=tp.protocol,
            prio=tp.prio,
            extack=extack if tc_skip_sw(obj.gen_flags) else None,
        )
        return TcClsBpfOffload(
            common=common,
            command=command,
            exts=obj.exts,
            prog=prog.filter if prog is not None else None,
            oldprog=oldprog.filter if oldprog is not None else None,
            name=obj.bpf_name,
            exts_integrated=obj.exts_integrated,
        )

    # -- delete / destroy ----------------------------------------------------------------

    def stop_offload(self, tp: TcfProto, filt: ClsBpfFilter, extack: Extack) -> None:
        """Mirrors ``cls_bpf_stop_offload()``: a remove goes to every callback even for a
        skip_hw filter; its result is only ever logged, so delete never fails."""
        with tp.block.net.log.op("delete"):
            tp.block.net.profile.offload_cmd(tp, None, filt, extack)

    def delete(self, tp: TcfProto, filt: ClsBpfFilter, extack: Extack) -> bool:
        """Mirrors ``cls_bpf_delete()``; returns ``last`` (the instance is now empty)."""
        self.handles.pop(filt.handle, None)
        self.stop_offload(tp, filt, extack)
        self.plist.remove(filt)
        tp.block.net.release_action_indexes(filt.exts.actions)
        return not self.plist

    def destroy(self, tp: TcfProto, extack: Extack) -> None:
        """Mirrors ``cls_bpf_destroy()``."""
        for filt in list(self.plist):
            self.delete(tp, filt, extack)

    # -- replay and stats ----------------------------------------------------------------

    def reoffload(
        self, tp: TcfProto, add: bool, block_cb: FlowBlockCb, extack: Extack | None
    ) -> int:
        """Mirrors ``cls_bpf_reoffload()``: skip_hw filters are skipped; extack only for
        skip_sw; the first error (only a skip_sw add reports one) ends the walk."""
        for filt in list(self.plist):
            if tc_skip_hw(filt.gen_flags):
                continue
            req = self.request(
                tp, filt, filt if add else None, None if add else filt, extack
            )
            err = bus.tc_setup_cb_reoffload(
                tp.block, add, block_cb, TcSetupType.TC_SETUP_CLSBPF, req, filt,
                tc_skip_sw(filt.gen_flags),
            )
            if err:
                return err
        return 0

    def update_stats(self, tp: TcfProto, filt: ClsBpfFilter) -> None:
        """Mirrors ``cls_bpf_offload_update_stats()``: a STATS request to every callback on
        every dump, for every filter, result ignored."""
        req = self.request(tp, filt, filt, None, None, TcClsBpfCommand.TC_CLSBPF_STATS)
        with tp.block.net.log.op("stats"):
            tp.block.net.profile.cb_call(tp.block, TcSetupType.TC_SETUP_CLSBPF, req, False)

    # -- classify --------------------------------------------------------------------------

    def classify(self, tp: TcfProto, skb: SkBuff) -> tuple[int, int, ClsBpfFilter | None]:
        """Mirrors ``cls_bpf_classify()``: returns (verdict, classid, matching filter);
        verdict -1 means no filter of this instance matched."""
        for filt in self.plist:
            skb.tc_classid = filt.classid
            da = filt.exts_integrated
            if tc_skip_sw(filt.gen_flags):
                filter_res = TC_ACT_UNSPEC if da else 0
            else:
                filter_res = to_s32(filt.prog.run(skb))
            if da:
                classid = tc_h_maj(filt.classid) | (skb.tc_classid & 0xFFFFFFFF)
                ret = cls_bpf_exec_opcode(filter_res)
                if ret == TC_ACT_UNSPEC:
                    continue
                return ret, classid, filt
            if filter_res == 0:
                continue
            classid = filt.classid if filter_res == -1 else filter_res & 0xFFFFFFFF
            ret = filt.exts.exec(skb.len)
            if ret < 0:
                continue
            return ret, classid, filt
        return -1, 0, None


def cls_bpf_exec_opcode(code: int) -> int:
    """Mirrors ``cls_bpf_exec_opcode()``."""
    if code in (TC_ACT_OK, TC_ACT_SHOT, TC_ACT_STOLEN, TC_ACT_TRAP, TC_ACT_REDIRECT, TC_ACT_UNSPEC):
        return code
    return TC_ACT_UNSPEC
