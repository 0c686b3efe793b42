"""``tc filter add|change|replace|delete|get|show``.

Mirrors tc/tc_filter.c: ``tc_filter_modify`` (argument loop, default protocol ``all`` only
for requests with NLM_F_CREATE, device lookup before the classifier's options, return codes
1/2/255), ``tc_filter_get`` (its checks in order) and ``tc_filter_list`` (``filter_*``
globals, ``Cannot find block``), and on the kernel side the dump walk of
``tc_dump_tfilter``/``tcf_chain_dump`` (a header per classifier instance, then its filters;
shared blocks reached through a device are shown as ``block N``).
"""

from __future__ import annotations

import contextlib
from typing import Any

import attrs

from core.cls_bpf import ClsBpfOpts
from core.cls_opaque import OpaqueOpts
from core.errors import EINVAL, ENODEV, TcError
from core.flags import TCA_BPF_FLAG_ACT_DIRECT, TCA_CLS_FLAGS_SKIP_HW, TCA_CLS_FLAGS_SKIP_SW
from core.net import FilterTarget
from offload.tc.context import Context
from offload.tc.f_bpf import OptError, load_program, parse_bpf_opt
from offload.tc.m_action import ActionError, parse_action
from offload.tc.netlink import rtnl_error
from offload.tc.printer import Printer
from offload.tc.result import CmdExit, Result
from offload.tc.tc_render import FilterMsg, FilterShow, print_filter
from offload.tc.util import (
    ETH_P_ALL,
    TC_H_CLSACT,
    TC_H_EGRESS_PARENT,
    TC_H_INGRESS_PARENT,
    TC_H_ROOT,
    Args,
    duparg,
    get_tc_classid,
    get_u32,
    invarg,
    ll_proto_a2n,
    matches,
    nodev,
)

USAGE = (
    "Usage: tc filter [ add | del | change | replace | show ] [ dev STRING ]\n"
    "       tc filter [ add | del | change | replace | show ] [ block BLOCK_INDEX ]\n"
    "       tc filter get dev STRING parent CLASSID protocol PROTO handle FILTERID pref PRIO"
    " FILTER_TYPE\n"
    "       tc filter get block BLOCK_INDEX protocol PROTO handle FILTERID pref PRIO"
    " FILTER_TYPE\n"
    "       [ pref PRIO ] protocol PROTO [ chain CHAIN_INDEX ]\n"
    "       [ estimator INTERVAL TIME_CONSTANT ]\n"
    "       [ root | ingress | egress | parent CLASSID ]\n"
    "       [ handle FILTERID ] [ [ FILTER_TYPE ] [ help | OPTIONS ] ]\n"
    "\n"
    "       tc filter show [ dev STRING ] [ root | ingress | egress | parent CLASSID ]\n"
    "       tc filter show [ block BLOCK_INDEX ]\n"
    "Where:\n"
    "FILTER_TYPE := { rsvp | u32 | bpf | fw | route | etc. }\n"
    "FILTERID := ... format depends on classifier, see there\n"
    "OPTIONS := ... try tc filter add <desired FILTER_KIND> help\n"
)
CHAIN_USAGE = (
    "Usage: tc chain [ add | del | get | show ] [ dev STRING ]\n"
    "       tc chain [ add | del | get | show ] [ block BLOCK_INDEX ] ]\n"
)
TALK_ERROR = "We have an error talking to the kernel\n"
#: classifier kinds iproute2 has a parser for; the model instantiates bpf fully and a few
#: others as opaque instances (enough for kind-mismatch errors)
KNOWN_KINDS = ("bpf", "u32", "matchall", "flower", "basic", "fw", "route", "cgroup",
               "flow", "rsvp", "tcindex")


@attrs.define
class FilterReq:
    """The parsed common part of a filter command (``struct tcmsg`` + TCA_CHAIN/KIND)."""

    dev: str | None = None
    block: int = 0
    parent: int = 0
    handle: str | None = None
    prio: int = 0
    protocol: int = 0
    protocol_set: bool = False
    chain: int | None = None
    kind: str | None = None
    rest: list[str] = attrs.field(factory=list)
    #: what the loader printed on the way (libbpf's ``verbose`` lines), shown first
    notes: list[str] = attrs.field(factory=list)


def _parse_common(argv: list[str], req: FilterReq, listing: bool) -> None:
    """The argument loop shared (with small differences) by modify, get and list."""
    a = Args(argv)
    while a:
        w = a.cur
        if w == "dev":
            a.next()
            if req.dev:
                raise duparg("dev", a.cur)
            if req.block:
                raise CmdExit(-1, 'Error: "dev" cannot be used in the same time as "block"\n'
                              if listing else
                              'Error: "dev" and "block" are mutually exclusive\n')
            req.dev = a.cur
        elif matches(w, "block"):
            a.next()
            if req.block:
                raise duparg("block", a.cur)
            if req.dev:
                raise CmdExit(-1, 'Error: "block" cannot be used in the same time as "dev"\n'
                              if listing else
                              'Error: "dev" and "block" are mutually exclusive\n')
            b = get_u32(a.cur, 0)
            if not b:
                raise invarg("invalid block index value", a.cur)
            req.block = b
        elif w in ("root", "ingress", "egress"):
            if req.parent:
                raise CmdExit(-1, f'Error: "{w}" is duplicate parent ID\n')
            req.parent = {"root": TC_H_ROOT, "ingress": TC_H_INGRESS_PARENT,
                          "egress": TC_H_EGRESS_PARENT}[w]
        elif w == "parent":
            a.next()
            if req.parent:
                raise duparg("parent", a.cur)
            h = get_tc_classid(a.cur)
            if h is None:
                raise invarg("invalid parent ID" if listing else "Invalid parent ID", a.cur)
            req.parent = h
        elif w == "handle":
            a.next()
            if req.handle is not None:
                raise duparg("handle", a.cur)
            req.handle = a.cur
        elif matches(w, "preference") or matches(w, "priority"):
            a.next()
            if req.prio:
                raise duparg("priority", a.cur)
            p = get_u32(a.cur, 0)
            if listing:
                if p is None:
                    raise invarg("invalid preference", a.cur)
            elif p is None or p > 0xFFFF:
                raise invarg("invalid priority value", a.cur)
            req.prio = p
        elif matches(w, "protocol"):
            a.next()
            if req.protocol_set:
                raise duparg("protocol", a.cur)
            pid = ll_proto_a2n(a.cur)
            if pid is None:
                raise invarg("invalid protocol", a.cur)
            req.protocol, req.protocol_set = pid, True
        elif matches(w, "chain"):
            a.next()
            if req.chain is not None:
                raise duparg("chain", a.cur)
            c = get_u32(a.cur, 0)
            if c is None:
                raise invarg("invalid chain index value", a.cur)
            req.chain = c
        elif matches(w, "estimator") and not listing:
            raise CmdExit(1, "offload: rate estimators are not emulated\n")
        elif matches(w, "help"):
            raise CmdExit(0, USAGE)
        elif listing:
            raise CmdExit(-1, f' What is "{w}"? Try "tc filter help"\n')
        else:
            req.kind = w
            a.fwd()
            req.rest = a.rest()
            return
        a.fwd()


def _target(req: FilterReq) -> FilterTarget:
    if req.block:
        return FilterTarget(block_index=req.block)
    return FilterTarget(dev=req.dev, parent=req.parent)


def _kernel_prelude(ctx: Context, req: FilterReq) -> None:
    """Checks of ``__tcf_qdisc_find`` that the core leaves to its caller: a request on a
    device without a parent goes to the root qdisc, which for these devices is classless."""
    if req.dev is not None and not req.block and req.parent == 0:
        raise TcError(-EINVAL, "Qdisc not classful")
    if req.dev is None and not req.block:
        raise TcError(-ENODEV)  # tcm_ifindex 0: no such device


def _remember_parent(ctx: Context, req: FilterReq) -> None:
    """``block->classid = parent`` (tc_new_tfilter): what later dumps report as parent."""
    if req.dev is None or req.block:
        return
    dev = ctx.net.devices.get(req.dev)
    q = getattr(dev, "ingress_qdisc", None)
    if q is None or (req.parent & 0xFFFF0000) != 0xFFFF0000:
        return
    block = q.block_for(req.parent & 0xFFFF)
    if block is not None:
        with contextlib.suppress(TypeError):
            ctx.block_classid[block] = req.parent


def filter_modify(ctx: Context, argv: list[str], op: str) -> Result:
    """``tc_filter_modify`` for add/change/replace/delete."""
    req = FilterReq()
    create = op in ("add", "replace")
    if create:
        req.protocol = ETH_P_ALL
    _parse_common(argv, req, listing=False)
    if req.dev and not ctx.ifindex(req.dev):
        return Result(1, "", nodev(req.dev))
    try:
        opts, handle = _options(ctx, req)
        _kernel_prelude(ctx, req)
        if op == "delete":
            ctx.net.filter_del(_target(req), kind=req.kind, chain=req.chain or 0,
                               prio=req.prio, protocol=req.protocol, handle=handle)
        else:
            # tc_new_tfilter sets block->classid as soon as the block is found, before the
            # chain, classifier and program checks that may still refuse the request
            _remember_parent(ctx, req)
            ctx.net.filter_new(
                _target(req), kind=req.kind, opts=opts, chain=req.chain or 0, prio=req.prio,
                protocol=req.protocol, handle=handle, create=create, excl=op == "add",
            )
    except OptError as exc:
        return Result(1, "", exc.stderr)
    except TcError as err:
        return Result(2, "", _notes(req) + rtnl_error(err) + TALK_ERROR)
    return Result(0, "", _notes(req))


def _notes(req: FilterReq) -> str:
    return "".join(line + "\n" for line in req.notes)


def _options(ctx: Context, req: FilterReq) -> tuple[Any, int]:
    """The classifier's ``parse_fopt``: TCA_OPTIONS and the handle (programs are loaded
    here, before the request, as iproute2 does)."""
    if req.kind is None:
        if req.handle is not None:
            raise CmdExit(-1, 'Must specify filter type when using "handle"\n')
        return None, 0
    if req.kind != "bpf":
        opts, handle, err = _opaque_opts(req)
        if err:
            raise OptError(err)
        return opts, handle
    spec = parse_bpf_opt(req.handle, req.rest, ctx.emu)
    if not spec.has_options:
        return None, spec.handle
    prog = load_program(spec, ctx.emu, req.dev, req.notes)
    return ClsBpfOpts(
        prog=prog,
        classid=spec.classid,
        bpf_flags=TCA_BPF_FLAG_ACT_DIRECT if spec.da else None,
        gen_flags=spec.gen_flags or None,
        name=spec.annotation(),
        actions=list(spec.actions),
        action_flags=list(spec.action_flags),
        action_indexes=list(spec.action_indexes),
    ), spec.handle


def _opaque_opts(req: FilterReq) -> tuple[Any, int, str]:
    """A classifier the model knows only by name: iproute2's own parser would run; here
    the options are kept as words. An unknown kind behaves like iproute2's fallback
    ``parse_nofopt``."""
    handle = 0
    if req.kind == "u32":
        if req.handle is not None:
            h = _u32_handle(req.handle)
            if h is None:
                return None, 0, "Illegal filter ID\n"
            handle = h
        return _mall_flower_opts(req.rest), handle, ""
    if req.handle is not None:
        h = get_u32(req.handle.rstrip(":"), 16)
        if h is None:
            return None, 0, f'Illegal "handle" "{req.handle}"\n'
        handle = h
    if req.kind not in KNOWN_KINDS and req.rest:
        return None, 0, (f'Unknown filter "{req.kind}", hence option "{req.rest[0]}" '
                         "is unparsable\n")
    if req.kind in ("matchall", "flower"):
        return _mall_flower_opts(req.rest), handle, ""
    return (tuple(req.rest) if req.rest else None), handle, ""


def _u32_handle(text: str) -> int | None:
    """f_u32.c ``get_u32_handle``: ``0xHANDLE`` or ``HTID[:[HASH][:NODE]]`` in hex."""
    if ":" not in text:
        return get_u32(text, 16) if text.startswith("0x") else None
    parts = text.split(":")
    if len(parts) > 3:
        parts = [*parts[:2], ":".join(parts[2:])]
    limits = (0x1000, 0x100, 0x1000)
    vals = []
    for part, limit in zip(parts, limits, strict=False):
        if part == "":
            vals.append(0)
            continue
        try:
            v = int(part, 16)
        except ValueError:
            return None
        if v >= limit:
            return None
        vals.append(v)
    vals += [0] * (3 - len(vals))
    return (vals[0] << 20) | (vals[1] << 12) | vals[2]


def _mall_flower_opts(words: list[str]) -> OpaqueOpts:
    """f_matchall.c / f_flower.c option loops, as far as the model keeps them: skip_sw,
    skip_hw, classid/flowid, ``action ...`` (gact); every other word is part of the key."""
    a = Args(words)
    key: list[str] = []
    flags = classid = 0
    actions: list[int] = []
    act_flags: list[int] = []
    act_index: list[int] = []
    while a:
        w = a.cur
        if w == "skip_hw":
            flags |= TCA_CLS_FLAGS_SKIP_HW
        elif w == "skip_sw":
            flags |= TCA_CLS_FLAGS_SKIP_SW
        elif w in ("classid", "flowid") and len(a.rest()) > 1:
            a.next()
            classid = get_tc_classid(a.cur) or 0
        elif matches(w, "action"):
            try:
                actions += parse_action(a, act_flags, act_index)
            except ActionError as exc:
                raise OptError(exc.stderr + 'Illegal "action"\n') from None
            continue
        else:
            key.append(w)
        a.fwd()
    return OpaqueOpts(tuple(key), flags, tuple(actions), classid, tuple(act_flags),
                      tuple(act_index))


def _ingress_block(ctx: Context, dev: Any, parent: int) -> Any:
    """The block a dump with ``dev``/``parent`` walks (``tc_dump_tfilter``), or None."""
    q = getattr(dev, "ingress_qdisc", None)
    if q is None or parent == 0 or (parent & 0xFFFF0000) != (TC_H_CLSACT & 0xFFFF0000):
        return None
    minor = parent & 0xFFFF
    if q.kind == "ingress":
        return q.ingress_block
    return q.block_for(minor) if minor else None


def _block_parent(ctx: Context, block: Any, default: int) -> int:
    try:
        return ctx.block_classid.get(block, default)
    except TypeError:
        return default


def filter_list(ctx: Context, argv: list[str], p: Printer, stats: bool,
                details: bool) -> Result:
    """``tc_filter_list``: print the dump."""
    req = FilterReq()
    _parse_common(argv, req, listing=True)
    show = FilterShow(parent=req.parent, prio=req.prio, protocol=req.protocol,
                      chain=req.chain, stats=stats, details=details)
    if req.dev:
        show.ifindex = ctx.ifindex(req.dev)
        if not show.ifindex:
            return Result(1, "", nodev(req.dev))
    elif req.block:
        if not _block_exists(ctx, req.block):
            return Result(1, "", f'Cannot find block "{req.block}"\n')
        show.block = req.block
    for msg in _dump(ctx, req):
        print_filter(p, msg, show)
    return Result(0, p.getvalue())


def _block_exists(ctx: Context, index: int) -> bool:
    """tc_qdisc.c ``tc_qdisc_block_exists``: some qdisc names the block."""
    for dev in ctx.net.devices.values():
        q = getattr(dev, "ingress_qdisc", None)
        if q is not None and index in (q.ingress_block_index, q.egress_block_index):
            return True
    return False


def _dump(ctx: Context, req: FilterReq) -> list[FilterMsg]:
    net = ctx.net
    if req.block:
        if req.block not in net.blocks:
            return []
        return _walk(ctx, FilterTarget(block_index=req.block), req, block=req.block)
    if req.dev is None:
        return []
    dev = net.devices.get(req.dev)
    block = _ingress_block(ctx, dev, req.parent)
    if block is None:
        return []
    if block.shared:
        return _walk(ctx, FilterTarget(block_index=block.index), req, block=block.index)
    default = req.parent
    if dev.ingress_qdisc.kind == "ingress":
        default = TC_H_INGRESS_PARENT
    parent = _block_parent(ctx, block, default)
    return _walk(ctx, FilterTarget(dev=dev.name, parent=req.parent), req, dev=dev,
                 parent=parent)


def _walk(ctx: Context, target: FilterTarget, req: FilterReq, *, block: int = 0,
          dev: Any = None, parent: int = 0) -> list[FilterMsg]:
    try:
        items = list(ctx.net.filter_dump(target, chain=req.chain, prio=req.prio,
                                         protocol=req.protocol))
    except TcError:
        return []
    out = []
    for tp, fh in items:
        out.append(FilterMsg(
            kind=tp.kind, protocol=tp.protocol, prio=tp.prio, chain=tp.chain.index, fh=fh,
            ifindex=dev.ifindex if dev is not None else 0,
            dev=dev.name if dev is not None else "", parent=parent, block=block,
        ))
    return out


def filter_get(ctx: Context, argv: list[str], p: Printer, stats: bool,
               details: bool) -> Result:
    """``tc_filter_get``: its checks in iproute2's order, then one filter printed."""
    req = FilterReq()
    _parse_common(argv, req, listing=False)
    if req.kind == "":
        raise invarg("invalid filter name", "")
    if not req.protocol_set:
        return Result(255, "", "Must specify filter protocol\n")
    if not req.prio:
        return Result(255, "", "Must specify filter priority\n")
    if req.parent == 0:
        return Result(255, "", "Must specify filter parent\n")
    if req.kind is None:
        return Result(255, "", "Must specify filter type\n")
    show = FilterShow(stats=stats, details=details)
    if req.dev:
        show.ifindex = ctx.ifindex(req.dev)
        if not show.ifindex:
            return Result(1, "", nodev(req.dev))
    elif req.block:
        show.block = req.block
    else:
        return Result(255, "", 'Must specify netdevice "dev" or block index "block"\n')
    handle = 0
    if req.kind == "bpf":
        try:
            handle = parse_bpf_opt(req.handle, req.rest, ctx.emu).handle
        except OptError as exc:
            return Result(1, "", exc.stderr)
    else:
        _, handle, err = _opaque_opts(req)
        if err:
            return Result(1, "", err)
    if req.handle is None:
        return Result(255, "", 'Must specify filter "handle"\n')
    try:
        _kernel_prelude(ctx, req)
        tp, fh = ctx.net.filter_get(_target(req), kind=req.kind, chain=req.chain or 0,
                                    prio=req.prio, protocol=req.protocol, handle=handle)
    except TcError as err:
        return Result(2, "", rtnl_error(err) + TALK_ERROR)
    dev = ctx.net.devices.get(req.dev) if req.dev else None
    shared = tp.block.index if tp.block.shared else 0
    msg = FilterMsg(kind=tp.kind, protocol=tp.protocol, prio=tp.prio, chain=tp.chain.index,
                    fh=fh, ifindex=dev.ifindex if dev is not None and not shared else 0,
                    dev=dev.name if dev is not None else "", parent=req.parent,
                    block=shared)
    print_filter(p, msg, show)
    return Result(0, p.getvalue())


def chain_list(ctx: Context, argv: list[str], p: Printer) -> Result:
    """``tc_filter_list(RTM_GETCHAIN)`` + ``tc_dump_chain``: one line per chain of the block,
    in the block's chain order; the parent is the qdisc's handle (``ffff:``)."""
    req = FilterReq()
    _parse_common(argv, req, listing=True)
    show = FilterShow(parent=req.parent, chain=req.chain)
    chains: list[Any] = []
    qhandle = 0
    shared_index = 0
    if req.dev:
        show.ifindex = ctx.ifindex(req.dev)
        if not show.ifindex:
            return Result(1, "", nodev(req.dev))
        dev = ctx.net.devices[req.dev]
        block = _ingress_block(ctx, dev, req.parent)
        if block is not None:
            chains = list(block.chains.values())
            qhandle = 0xFFFF0000
            if block.shared:  # tc_dump_chain(): q = NULL, the message names the block
                shared_index = block.index
    elif req.block:
        if not _block_exists(ctx, req.block):
            return Result(1, "", f'Cannot find block "{req.block}"\n')
        show.block = req.block
        block = ctx.net.blocks.get(req.block)
        chains = list(block.chains.values()) if block is not None else []
    for chain in chains:
        if req.chain is not None and chain.index != req.chain:
            continue
        p.open_object(None)
        p.fp("chain ")
        if req.block:
            pass
        elif shared_index:
            p.any("block", shared_index, f"block {shared_index} ")
        elif qhandle != show.parent:
            cls = f"{qhandle >> 16:x}:"
            p.any("parent", cls, f"parent {cls} ")
        if show.chain is None or show.chain != chain.index:
            p.any("chain", chain.index, f"chain {chain.index} ")
        p.nl()
        p.close_object()
    return Result(0, p.getvalue())
