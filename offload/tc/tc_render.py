"""Render tc dumps: filters (with cls_bpf options and gact actions) and qdiscs.

Mirrors iproute2 6.1's printers: ``print_filter`` (tc/tc_filter.c), ``bpf_print_opt``
(tc/f_bpf.c), ``bpf_print_ops``/``bpf_dump_prog_info`` (lib/bpf_legacy.c),
``tc_dump_action``/``tc_print_one_action`` (tc/m_action.c), ``print_gact`` (tc/m_gact.c),
``print_tcstats2_attr``/``print_tm`` (tc/tc_util.c), and ``print_qdisc`` (tc/tc_qdisc.c) with
``ingress_print_opt``/``clsact_print_opt``. Which fields are printed, in which order, with which
trailing spaces, and under which JSON keys follows those functions; the values come from the
kernel model's objects as the netlink dump would carry them (``cls_bpf_dump``,
``tc_fill_qdisc``).
"""

from __future__ import annotations

from typing import Any

import attrs

from core.flags import (
    TCA_CLS_FLAGS_IN_HW,
    TCA_CLS_FLAGS_NOT_IN_HW,
    TCA_CLS_FLAGS_SKIP_HW,
    TCA_CLS_FLAGS_SKIP_SW,
)
from offload.tc.printer import Printer
from offload.tc.util import (
    TC_H_EGRESS_PARENT,
    TC_H_INGRESS_PARENT,
    TC_H_ROOT,
    action_n2a,
    ll_proto_n2a,
    print_tc_classid,
)


@attrs.define
class FilterShow:
    """The ``filter_*`` globals of tc_filter.c: what the request already named (and so is
    not repeated per line), plus ``-s``/``-d``."""

    ifindex: int = 0
    parent: int = 0
    prio: int = 0
    protocol: int = 0
    chain: int | None = None
    block: int = 0
    stats: bool = False
    details: bool = False


@attrs.frozen
class FilterMsg:
    """One RTM_NEWTFILTER message of a dump: a classifier instance header (``fh`` None) or
    one filter. ``block`` is set (and ``dev``/``ifindex`` unused) for a shared block."""

    kind: str
    protocol: int
    prio: int
    chain: int
    fh: Any = None
    ifindex: int = 0
    dev: str = ""
    parent: int = 0
    block: int = 0


def print_filter(p: Printer, msg: FilterMsg, show: FilterShow) -> None:
    """tc_filter.c ``print_filter`` for RTM_NEWTFILTER."""
    p.open_object(None)
    p.fp("filter ")
    if msg.block:
        if not show.block or show.block != msg.block:
            p.any("block", msg.block, f"block {msg.block} ")
    else:
        if not show.ifindex or show.ifindex != msg.ifindex:
            p.any("dev", msg.dev, f"dev {msg.dev} ")
        if not show.parent or show.parent != msg.parent:
            if msg.parent == TC_H_ROOT:
                p.bool("root", "root ")
            elif msg.parent == TC_H_INGRESS_PARENT:
                p.bool("ingress", "ingress ")
            elif msg.parent == TC_H_EGRESS_PARENT:
                p.bool("egress", "egress ")
            else:
                cls = print_tc_classid(msg.parent)
                p.any("parent", cls, f"parent {cls} ")
    if (not show.protocol or show.protocol != msg.protocol) and msg.protocol:
        name = ll_proto_n2a(msg.protocol)
        p.any("protocol", name, f"protocol {name} ")
    if (not show.prio or show.prio != msg.prio) and msg.prio:
        p.any("pref", msg.prio, f"pref {msg.prio} ")
    p.any("kind", msg.kind, f"{msg.kind} ")
    if show.chain is None or show.chain != msg.chain:
        p.any("chain", msg.chain, f"chain {msg.chain} ")
    if msg.fh is not None:
        p.open_object("options")
        if msg.kind == "bpf":
            print_bpf_opt(p, msg.fh, show)
        elif msg.kind == "u32":
            _print_u32(p, msg.fh, show, msg.protocol)
        else:
            handle = _opaque_handle(msg.fh)
            # matchall/flower print_uint() the handle (a JSON number), others a hex string
            value = handle if msg.kind in ("matchall", "flower") else f"{handle:#x}"
            if handle:
                p.any("handle", value, f"handle {handle:#x} ")
            if msg.kind in ("matchall", "flower"):
                _print_mall_flower(p, msg.kind, msg.fh, show, msg.protocol)
        p.close_object()
    p.nl()
    p.close_object()


def _u32_handle_text(h: int) -> str:
    """f_u32.c ``sprint_u32_handle``."""
    htid, bkt, node = h >> 20, (h >> 12) & 0xFF, h & 0xFFF
    out = f"{htid:x}:" if htid else ""
    if node or bkt:
        out += (f"{bkt:x}" if bkt else "") + (f":{node:x}" if node else "")
    return out or "none"


def _print_u32(p: Printer, fh: Any, show: FilterShow, protocol: int) -> None:
    """f_u32.c ``u32_print_opt`` for the root table and ``match u32`` knodes: with ``-s``
    the (zero) hit counters, keys raw (``print_raw_key``) or, with ``-p`` on an IPv4
    filter, through ``pretty_key`` (which prints nothing for a key it cannot name)."""
    p.any("fh", _u32_handle_text(fh.handle), f"fh {_u32_handle_text(fh.handle)} ")
    if not hasattr(fh, "keys"):
        p.any("ht_divisor", fh.divisor, f"ht divisor {fh.divisor} ")
        return
    node = fh.handle & 0xFFF
    if node:
        p.any("order", node, f"order {node} ")
    ht = fh.ht >> 20
    p.any("key_ht", f"{ht:x}", f"key ht {ht:x} ")
    p.any("bkt", "0", "bkt 0 ")
    if fh.classid:
        cls = print_tc_classid(fh.classid)
        p.any("flowid", cls, f"flowid {cls} ")
    flags = fh.gen_flags
    if flags & TCA_CLS_FLAGS_SKIP_HW:
        p.bool("skip_hw", "skip_hw ")
    if flags & TCA_CLS_FLAGS_SKIP_SW:
        p.bool("skip_sw", "skip_sw ")
    if flags & TCA_CLS_FLAGS_IN_HW:
        p.bool("in_hw", "in_hw ")
    elif flags & TCA_CLS_FLAGS_NOT_IN_HW:
        p.bool("not_in_hw", "not_in_hw ")
    if show.stats:
        p.fp(f"(rule hit {fh.hits} success 0)")
    for k in fh.keys:
        p.open_object("match")
        if not (p.pretty and protocol == 0x0800):
            p.fp("\n  ")
            p.any("value", f"{k.val:x}", f"match {k.val:08x}")
            p.any("mask", f"{k.mask:x}", f"/{k.mask:08x} ")
            p.json_only("offmask", "")
            p.any("off", k.off, f"at {k.off}")
            if show.stats:
                p.fp(" (success 0 ) ")
        p.close_object()
    actions = list(fh.exts.actions)
    if actions:
        print_actions(p, actions, show.stats)


def _flower_eth_type(protocol: int) -> str:
    """f_flower.c ``flower_print_eth_type``."""
    names = {0x0800: "ipv4", 0x86DD: "ipv6", 0x0806: "arp", 0x8035: "rarp"}
    return names.get(protocol, f"{protocol:04x}")


def _print_mall_flower(p: Printer, kind: str, filt: Any, show: FilterShow,
                       protocol: int = 0) -> None:
    """f_matchall.c ``matchall_print_opt`` / f_flower.c ``flower_print_opt`` after the
    handle: flowid, (flower: the keys, not modelled), the flags each on a new line, the
    rule hits (matchall, with -s) and the actions."""
    if filt.classid:
        cls = print_tc_classid(filt.classid)
        p.any("flowid", cls, f"flowid {cls} ")
    if kind == "flower":
        p.open_object("keys")
        if protocol and protocol != 0x0003:  # fl_dump_key(): n_proto from the tp (not "all")
            eth = _flower_eth_type(protocol)
            p.any("eth_type", eth, f"\n  eth_type {eth}")
        p.close_object()
    flags = filt.gen_flags
    if flags & TCA_CLS_FLAGS_SKIP_HW:
        p.bool("skip_hw", "\n  skip_hw")
    if flags & TCA_CLS_FLAGS_SKIP_SW:
        p.bool("skip_sw", "\n  skip_sw")
    if flags & TCA_CLS_FLAGS_IN_HW:
        p.bool("in_hw", "\n  in_hw")
        p.any("in_hw_count", filt.in_hw_count, f" in_hw_count {filt.in_hw_count}")
    elif flags & TCA_CLS_FLAGS_NOT_IN_HW:
        p.bool("not_in_hw", "\n  not_in_hw")
    if kind == "matchall" and show.stats:
        p.any("rule_hit", filt.hits, f" (rule hit {filt.hits})")
    actions = list(filt.exts.actions)
    if actions:
        print_actions(p, actions, show.stats)


def _opaque_handle(fh: Any) -> int:
    if isinstance(fh, dict):
        return int(fh.get("handle", 0))
    return int(getattr(fh, "handle", 0))


def print_bpf_opt(p: Printer, filt: Any, show: FilterShow) -> None:
    """f_bpf.c ``bpf_print_opt`` over what ``cls_bpf_dump`` puts in TCA_OPTIONS."""
    if filt.handle:
        p.any("handle", f"{filt.handle:#x}", f"handle {filt.handle:#x} ")
    if filt.classid:
        cls = print_tc_classid(filt.classid)
        p.any("flowid", cls, f"flowid {cls} ")
    prog = filt.prog
    classic = bool(getattr(prog, "is_classic", False))
    if not classic and filt.bpf_name:
        p.any("bpf_name", filt.bpf_name, f"{filt.bpf_name} ")
    if filt.exts_integrated:
        p.bool("direct-action", "direct-action ")
    flags = filt.gen_flags
    if flags:
        if flags & TCA_CLS_FLAGS_SKIP_HW:
            p.bool("skip_hw", "skip_hw ")
        if flags & TCA_CLS_FLAGS_SKIP_SW:
            p.bool("skip_sw", "skip_sw ")
        if flags & TCA_CLS_FLAGS_IN_HW:
            p.bool("in_hw", "in_hw ")
        elif flags & TCA_CLS_FLAGS_NOT_IN_HW:
            p.bool("not_in_hw", "not_in_hw ")
    if classic:
        print_bpf_ops(p, list(getattr(prog, "ops", ())))
    else:
        print_prog_info(p, prog, show.details)
    actions = list(filt.exts.actions)
    if actions:
        print_actions(p, actions, show.stats)


def print_bpf_ops(p: Printer, ops: list[tuple[int, int, int, int]]) -> None:
    """lib/bpf_legacy.c ``bpf_print_ops``: ``bytecode 'N,c t f k,...'`` (no trailing space)."""
    if not ops:
        return
    p.open_object("bytecode")
    p.any("length", len(ops), f"bytecode '{len(ops)},")
    p.open_array("insns")
    for i, (code, jt, jf, k) in enumerate(ops):
        p.open_object(None)
        p.any("code", code, f"{code} ")
        p.any("jt", jt, f"{jt} ")
        p.any("jf", jf, f"{jf} ")
        p.any("k", k, f"{k}'" if i == len(ops) - 1 else f"{k},")
        p.close_object()
    p.close_array()
    p.close_object()


def prog_is_jited(prog: Any) -> bool:
    """``info.jited_prog_len != 0``: in the emulator every program runs "jited" on the host
    except one bound to a device (its image lives on the device; netdevsim reports none)."""
    return getattr(prog, "offload_ifindex", None) is None


def prog_tag_hex(prog: Any) -> str:
    tag = getattr(prog, "tag", b"") or b""
    return tag.hex() if isinstance(tag, bytes | bytearray) else str(tag)


def print_prog_info(p: Printer, prog: Any, details: bool) -> None:
    """lib/bpf_legacy.c ``bpf_dump_prog_info``: id, name, tag, jited; with ``-d`` the
    load time, creator uid and BTF id."""
    p.open_object("prog")
    p.any("id", prog.id, f"id {prog.id} ")
    p.any("name", prog.name, f"name {prog.name} ")
    tag = prog_tag_hex(prog)
    p.any("tag", tag, f"tag {tag} ")
    jited = prog_is_jited(prog)
    p.json_only("jited", int(jited))
    if jited:
        p.fp("jited ")
    if details:
        load_time = int(getattr(prog, "loaded_at", 0) or 0)
        if load_time:
            p.any("load_time", load_time, f"load_time {load_time} ")
            uid = int(getattr(prog, "uid", 0) or 0)
            p.any("created_by_uid", uid, f"created_by_uid {uid} ")
        btf_id = int(getattr(prog, "btf_id", 0) or 0)
        if btf_id:
            p.any("btf_id", btf_id, f"btf_id {btf_id} ")
    p.close_object()


def print_actions(p: Printer, actions: list[Any], stats: bool) -> None:
    """m_action.c ``tc_dump_action`` (bind=true) → ``tc_print_one_action`` → ``print_gact``."""
    p.open_array("actions")
    for order, act in enumerate(actions, 1):
        p.open_object(None)
        p.nl()
        p.any("order", order, f"\taction order {order}: ")
        _print_gact(p, act, stats)
        if stats:
            p.fp("\tAction statistics:")
            p.nl()
            p.open_object("stats")
            print_stats2(p, act.stats, "\t")
            p.close_object()
            p.nl()
        p.close_object()
    p.close_array()


def _control(p: Printer, prefix: str, value: int, suffix: str) -> None:
    """tc_util.c ``print_action_control``."""
    p.fp(prefix)
    p.open_object("control_action")
    name = action_n2a(value)
    p.any("type", name, name)
    p.close_object()
    p.fp(suffix)


def _print_gact(p: Printer, act: Any, stats: bool) -> None:
    p.any("kind", "gact", "gact ")
    _control(p, "action ", act.control, "")
    p.open_object("prob")
    p.nl()
    p.any("random_type", "none", "\t random type none")
    _control(p, " ", 0, " ")
    p.any("val", 0, "val 0")
    p.close_object()
    p.nl()
    p.any("index", act.index, f"\t index {act.index}")
    p.any("ref", act.ref, f" ref {act.ref}")
    p.any("bind", act.bind, f" bind {act.bind}")
    if stats:
        # tcf_t in clock ticks since install/last use: the emulator has no clock, so a
        # script always sees "just now" (0 s), as a fast real run mostly does.
        p.any("installed", 0, " installed 0 sec")
        p.any("last_used", 0, " used 0 sec")
        if act.stats.packets:
            p.any("first_used", 0, " firstused 0 sec")
    p.nl()


def print_stats2(p: Printer, st: Any, prefix: str) -> None:
    """tc_util.c ``print_tcstats2_attr`` for BASIC + BASIC_HW + QUEUE (no rate estimator)."""
    p.fp(prefix)
    p.any("bytes", st.bytes, f"Sent {st.bytes} bytes")
    p.any("packets", st.packets, f" {st.packets} pkt")
    drops = getattr(st, "drops", 0)
    overlimits = getattr(st, "overlimits", 0)
    p.any("drops", drops, f" (dropped {drops}")
    p.any("overlimits", overlimits, f", overlimits {overlimits}")
    p.any("requeues", 0, " requeues 0) ")
    hw_bytes = getattr(st, "hw_bytes", 0)
    hw_packets = getattr(st, "hw_packets", 0)
    if hw_bytes or hw_packets:
        if st.bytes >= hw_bytes and st.packets >= hw_packets:
            p.nl()
            p.fp(prefix)
            p.any("sw_bytes", st.bytes - hw_bytes, f"Sent software {st.bytes - hw_bytes} bytes")
            p.any("sw_packets", st.packets - hw_packets, f" {st.packets - hw_packets} pkt")
        p.nl()
        p.fp(prefix)
        p.any("hw_bytes", hw_bytes, f"Sent hardware {hw_bytes} bytes")
        p.any("hw_packets", hw_packets, f" {hw_packets} pkt")
    p.nl()
    p.fp(prefix)
    p.any("backlog", 0, "backlog 0b")
    p.any("qlen", 0, " 0p")
    p.fp(" requeues 0")


@attrs.frozen
class QdiscMsg:
    """One RTM_NEWQDISC message (``tc_fill_qdisc``)."""

    kind: str
    handle: int
    parent: int
    dev: str
    ifindex: int
    refcnt: int = 1
    ingress_block: int = 0
    egress_block: int = 0


@attrs.define
class QdiscShow:
    ifindex: int = 0
    stats: bool = False


def print_qdisc(p: Printer, msg: QdiscMsg, show: QdiscShow) -> None:
    """tc_qdisc.c ``print_qdisc`` (+ q_ingress.c/q_clsact.c option printers)."""
    p.open_object(None)
    p.any("kind", msg.kind, f"qdisc {msg.kind}")
    handle = f"{msg.handle >> 16:x}:"
    p.any("handle", handle, f" {handle}")
    p.fp(" ")
    if not show.ifindex:
        p.any("dev", msg.dev, f"dev {msg.dev} ")
    if msg.parent == TC_H_ROOT:
        p.bool("root", "root ")
    elif msg.parent:
        cls = print_tc_classid(msg.parent)
        p.any("parent", cls, f"parent {cls} ")
    if msg.refcnt != 1:
        p.any("refcnt", msg.refcnt, f"refcnt {msg.refcnt} ")
    if msg.ingress_block:
        p.any("ingress_block", msg.ingress_block, f"ingress_block {msg.ingress_block} ")
    if msg.egress_block:
        p.any("egress_block", msg.egress_block, f"egress_block {msg.egress_block} ")
    p.open_object("options")
    if msg.kind == "ingress":
        p.fp("---------------- ")
    p.close_object()
    p.nl()
    if show.stats:
        p.fp(" ")
        p.any("bytes", 0, "Sent 0 bytes")
        p.any("packets", 0, " 0 pkt")
        p.any("drops", 0, " (dropped 0")
        p.any("overlimits", 0, ", overlimits 0")
        p.any("requeues", 0, " requeues 0) ")
        p.nl()
        p.fp(" ")
        p.any("backlog", 0, "backlog 0b")
        p.any("qlen", 0, " 0p")
        p.fp(" requeues 0")
        p.nl()
    p.close_object()
