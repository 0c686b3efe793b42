"""``tc qdisc add|del|replace|change|link|show``.

Mirrors tc/tc_qdisc.c ``tc_qdisc_modify`` (``ingress``/``clsact`` end the generic options,
so ``ingress_block``/``egress_block`` must come *before* the kind; q_ingress.c/q_clsact.c
then reject anything after it with ``What is "X"?`` and their usage line, status 1; kernel
errors print only ``rtnl_talk``'s line, status 2) and ``tc_qdisc_list`` with ``print_qdisc``.
The kernel side is the core's ``Net.qdisc_add``/``qdisc_del`` for the ingress/clsact slot;
each device's default root qdisc (``noqueue``) is shown but is not itself modelled.
"""

from __future__ import annotations

from core.errors import ENODEV, EOPNOTSUPP, TcError
from offload.tc.context import Context
from offload.tc.netlink import rtnl_error
from offload.tc.printer import Printer
from offload.tc.result import CmdExit, Result
from offload.tc.tc_render import QdiscMsg, QdiscShow, print_qdisc
from offload.tc.util import (
    TC_H_INGRESS,
    TC_H_ROOT,
    Args,
    duparg,
    get_tc_classid,
    get_u32,
    invarg,
    matches,
    nodev,
    strtoul,
)

USAGE = (
    "Usage: tc qdisc [ add | del | replace | change | show ] dev STRING\n"
    "       [ handle QHANDLE ] [ root | ingress | clsact | parent CLASSID ]\n"
    "       [ estimator INTERVAL TIME_CONSTANT ]\n"
    "       [ stab [ help | STAB_OPTIONS] ]\n"
    "       [ ingress_block BLOCK_INDEX ] [ egress_block BLOCK_INDEX ]\n"
    "       [ [ QDISC_KIND ] [ help | OPTIONS ] ]\n"
    "\n"
    "       tc qdisc { show | list } [ dev STRING ] [ QDISC_ID ] [ invisible ]\n"
    "Where:\n"
    "QDISC_KIND := { [p|b]fifo | tbf | prio | cbq | red | etc. }\n"
    "OPTIONS := ... try tc qdisc add <desired QDISC_KIND> help\n"
    "STAB_OPTIONS := ... try tc qdisc add stab help\n"
    "QDISC_ID := { root | ingress | handle QHANDLE | parent CLASSID }\n"
)


def get_qdisc_handle(text: str) -> int | None:
    """tc_util.c ``get_qdisc_handle``: ``none`` or ``MAJ[:]`` in hex."""
    if text == "none":
        return 0
    r = strtoul(text, 16)
    if r is None or r[0] >= 1 << 16 or (r[1] not in ("", ":") and not r[1].startswith(":")):
        return None
    return r[0] << 16


def qdisc_modify(ctx: Context, argv: list[str], op: str) -> Result:
    """``tc_qdisc_modify``."""
    a = Args(argv)
    dev: str | None = None
    parent = 0
    handle = 0
    kind: str | None = None
    iblock = eblock = 0
    stderr = ""
    while a:
        w = a.cur
        if w == "dev":
            a.next()
            if dev:
                raise duparg("dev", a.cur)
            dev = a.cur
        elif w == "handle":
            a.next()
            if handle:
                raise duparg("handle", a.cur)
            h = get_qdisc_handle(a.cur)
            if h is None:
                raise invarg("invalid qdisc ID", a.cur)
            handle = h
        elif w == "root":
            if parent:
                raise CmdExit(-1, 'Error: "root" is duplicate parent ID\n')
            parent = TC_H_ROOT
        elif w in ("clsact", "ingress"):
            if parent:
                raise CmdExit(-1, f'Error: "{w}" is a duplicate parent ID\n')
            parent = TC_H_INGRESS
            kind = w
            handle = TC_H_INGRESS & 0xFFFF0000
            a.fwd()
            break
        elif w == "parent":
            a.next()
            if parent:
                raise duparg("parent", a.cur)
            h = get_tc_classid(a.cur)
            if h is None:
                raise invarg("invalid parent ID", a.cur)
            parent = h
        elif matches(w, "estimator") or matches(w, "stab"):
            raise CmdExit(1, f"offload: qdisc {w} is not emulated\n")
        elif matches(w, "ingress_block") or matches(w, "egress_block"):
            which = "ingress" if matches(w, "ingress_block") else "egress"
            a.next()
            b = get_u32(a.cur, 0)
            if not b:
                raise invarg(f"invalid {which} block index value", a.cur)
            if which == "ingress":
                iblock = b
            else:
                eblock = b
        elif matches(w, "help"):
            stderr += USAGE
        else:
            kind = w
            a.fwd()
            break
        a.fwd()
    rest = a.rest()
    if kind in ("ingress", "clsact"):
        args = list(rest)
        while args:
            if kind == "ingress" and args[0] == "handle":
                if len(args) < 2:
                    raise CmdExit(-1, stderr + 'Command line is not complete. Try option '
                                  '"help"\n')
                args = args[2:]
                continue
            return Result(1, "", stderr + f'What is "{args[0]}"?\nUsage: ... {kind}\n')
    elif kind is not None and rest:
        return Result(1, "", stderr + f'Unknown qdisc "{kind}", hence option "{rest[0]}" '
                      "is unparsable\n")
    elif kind is None and rest:
        return Result(255, "", stderr + f'Garbage instead of arguments "{rest[0]} ...". '
                      'Try "tc qdisc help".\n')
    if dev and not ctx.ifindex(dev):
        return Result(1, "", stderr + nodev(dev))
    try:
        _request(ctx, op, dev, parent, handle, kind, iblock, eblock)
    except TcError as err:
        return Result(2, "", stderr + rtnl_error(err))
    return Result(0, "", stderr)


def _request(ctx: Context, op: str, dev: str | None, parent: int, handle: int,
             kind: str | None, iblock: int, eblock: int) -> None:
    """``tc_modify_qdisc``/``tc_get_qdisc`` as far as the model goes: the ingress/clsact
    slot. The default root qdisc cannot be replaced here; a delete goes to the core's
    ``tc_get_qdisc`` whatever it names."""
    if not dev:
        raise TcError(-ENODEV)
    net = ctx.net
    if op == "delete":
        net.qdisc_del(dev, kind, parent=parent, handle=handle)
        return
    if parent != TC_H_INGRESS:
        raise TcError(-EOPNOTSUPP, "offload: only the ingress and clsact qdiscs are emulated")
    flags = {"add": (True, True, False), "replace": (True, False, True),
             "change": (False, False, False), "link": (False, False, True)}[op]
    net.qdisc_add(dev, kind or "", ingress_block=iblock or None,
                  egress_block=eblock or None, create=flags[0], excl=flags[1],
                  replace=flags[2])


def qdisc_list(ctx: Context, argv: list[str], p: Printer, stats: bool) -> Result:
    """``tc_qdisc_list`` + the kernel's per-device dump (root, then ingress/clsact)."""
    a = Args(argv)
    dev: str | None = None
    fparent = fhandle = 0
    while a:
        w = a.cur
        if w == "dev":
            dev = a.next()
        elif w in ("root", "ingress", "clsact") or matches(w, "parent") or matches(w, "handle"):
            if fparent:
                raise invarg("parent is already specified", w)
            if fhandle:
                raise invarg("handle is already specified", w)
            if w == "root":
                fparent = TC_H_ROOT
            elif w in ("ingress", "clsact"):
                fparent = TC_H_INGRESS
            elif matches(w, "parent"):
                h = get_tc_classid(a.next())
                if h is None:
                    raise invarg("invalid parent ID", a.cur)
                fparent = h
            else:
                h = get_qdisc_handle(a.next())
                if h is None:
                    raise invarg("invalid handle ID", a.cur)
                fhandle = h
        elif matches(w, "help"):
            raise CmdExit(-1, USAGE)
        elif w == "invisible":
            pass
        else:
            raise CmdExit(-1, f'What is "{w}"? Try "tc qdisc help".\n')
        a.fwd()
    show = QdiscShow(stats=stats)
    if dev:
        show.ifindex = ctx.ifindex(dev)
        if not show.ifindex:
            return Result(1, "", nodev(dev))
    for msg in qdisc_dump(ctx):
        if show.ifindex and show.ifindex != msg.ifindex:
            continue
        if fhandle and fhandle != msg.handle:
            continue
        if fparent and fparent != msg.parent:
            continue
        print_qdisc(p, msg, show)
    return Result(0, p.getvalue())


def qdisc_dump(ctx: Context) -> list[QdiscMsg]:
    """What ``tc_dump_qdisc`` returns, device by device in ifindex order."""
    out = []
    for dev in sorted(ctx.net.devices.values(), key=lambda d: d.ifindex):
        if ctx.has_root_qdisc(dev):
            out.append(QdiscMsg("noqueue", 0, TC_H_ROOT, dev.name, dev.ifindex, refcnt=2))
        q = getattr(dev, "ingress_qdisc", None)
        if q is not None:
            out.append(QdiscMsg(q.kind, 0xFFFF0000, TC_H_INGRESS, dev.name, dev.ifindex,
                                refcnt=1, ingress_block=q.ingress_block_index,
                                egress_block=q.egress_block_index))
    return out
