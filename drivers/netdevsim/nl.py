"""rtnetlink for tc's bpf classifier: pyroute2's missing attributes, and a small client.

**The pyroute2 extension (one place, done on import).** pyroute2 0.9.7's ``tcmsg`` and its
bpf options lack attributes the kernel uses, and pyroute2 *silently drops* unknown
attributes on send. We append them with their uapi numbers and mark the classes for
recompilation (``_nlmsg_base__compiled_nla = False``, the name-mangled flag pyroute2 checks
before using its compiled tables):

- ``tcmsg``: ``TCA_PAD`` (9), ``TCA_DUMP_INVISIBLE`` (10), ``TCA_CHAIN`` (11, u32),
  ``TCA_HW_OFFLOAD`` (12, u8), ``TCA_INGRESS_BLOCK`` (13, u32), ``TCA_EGRESS_BLOCK`` (14, u32)
  (include/uapi/linux/rtnetlink.h);
- bpf options: ``TCA_BPF_FLAGS_GEN`` (9, u32), ``TCA_BPF_TAG`` (10, 8 bytes), ``TCA_BPF_ID``
  (11, u32) (include/uapi/linux/pkt_cls.h), and the classic-program pair fixed to the
  kernel's ``bpf_policy`` types: ``TCA_BPF_OPS_LEN`` u16, ``TCA_BPF_OPS`` binary.

**The client** builds ``RTM_*QDISC``/``RTM_*TFILTER`` messages itself (no pyroute2 request
rewriting), with extended ACKs on so errors carry the kernel's extack text. Filters on a
shared block are addressed like iproute2 does: ``tcm_ifindex = TCM_IFINDEX_MAGIC_BLOCK``
(``index=-1`` in pyroute2's signed field) and ``tcm_parent = block index``
(``__tcf_block_find()``).
"""

from __future__ import annotations

import errno as _errno
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager

import attrs
from pyroute2 import IPRoute
from pyroute2.netlink import NLM_F_ACK, NLM_F_CREATE, NLM_F_DUMP, NLM_F_EXCL, NLM_F_REQUEST
from pyroute2.netlink.exceptions import NetlinkError
from pyroute2.netlink.rtnl import (
    RTM_DELQDISC,
    RTM_DELTFILTER,
    RTM_GETTFILTER,
    RTM_NEWQDISC,
    RTM_NEWTFILTER,
)
from pyroute2.netlink.rtnl.tcmsg import sched_bpf, tcmsg

ETH_P_ALL = 0x0003
ETH_P_IP = 0x0800
TCM_IFINDEX_MAGIC_BLOCK = -1  # 0xFFFFFFFF in the kernel's u32, signed in pyroute2's field
TC_H_INGRESS = 0xFFFFFFF1
TC_H_CLSACT = TC_H_INGRESS
TC_H_MIN_INGRESS = 0xFFF2
TC_H_MIN_EGRESS = 0xFFF3
PARENT_INGRESS = 0xFFFF0000 | TC_H_MIN_INGRESS
PARENT_EGRESS = 0xFFFF0000 | TC_H_MIN_EGRESS

TCA_BPF_FLAG_ACT_DIRECT = 1
TCA_CLS_FLAGS_SKIP_HW = 1
TCA_CLS_FLAGS_SKIP_SW = 2
TCA_CLS_FLAGS_IN_HW = 4
TCA_CLS_FLAGS_NOT_IN_HW = 8


def _extend() -> None:
    """Append the missing attributes to pyroute2's tables (idempotent)."""
    names = [n for n, _ in tcmsg.nla_map]
    if "TCA_CHAIN" not in names:
        tcmsg.nla_map = (
            *tcmsg.nla_map[:9],
            ("TCA_PAD", "hex"),
            ("TCA_DUMP_INVISIBLE", "flag"),
            ("TCA_CHAIN", "uint32"),
            ("TCA_HW_OFFLOAD", "uint8"),
            ("TCA_INGRESS_BLOCK", "uint32"),
            ("TCA_EGRESS_BLOCK", "uint32"),
        )
        tcmsg._nlmsg_base__compiled_nla = False  # type: ignore[attr-defined]
    opts = sched_bpf.options
    bnames = [n for n, _ in opts.nla_map]
    if "TCA_BPF_ID" not in bnames:
        table = list(opts.nla_map[:9])
        table[4] = ("TCA_BPF_OPS_LEN", "uint16")
        table[5] = ("TCA_BPF_OPS", "cdata")
        opts.nla_map = (
            *table,
            ("TCA_BPF_FLAGS_GEN", "uint32"),
            ("TCA_BPF_TAG", "cdata"),
            ("TCA_BPF_ID", "uint32"),
        )
        opts._nlmsg_base__compiled_nla = False  # type: ignore[attr-defined]


_extend()


class TcError(OSError):
    """A request the kernel refused: ``errno`` and the extack message (may be empty).

    ``str()`` renders it as iproute2 does: ``Error: <extack>.`` or
    ``RTNETLINK answers: <strerror>``."""

    def __init__(self, err: int, extack: str = "") -> None:
        super().__init__(err, os.strerror(err))
        self.extack = extack

    def __str__(self) -> str:
        if self.extack:
            return f"Error: {self.extack}."
        return f"RTNETLINK answers: {self.strerror}"


@attrs.frozen
class Block:
    """A shared block, addressed by index (``tc filter ... block N``)."""

    index: int


Target = str | Block


@attrs.frozen
class BpfFilter:
    """One bpf filter as dumped (``cls_bpf_dump()``)."""

    prio: int
    protocol: int
    handle: int
    chain: int
    parent: int
    name: str | None = None
    classid: int | None = None
    flags: int = 0
    gen_flags: int = 0
    prog_id: int | None = None
    tag: str | None = None
    bytecode: bytes | None = None

    @property
    def direct_action(self) -> bool:
        return bool(self.flags & TCA_BPF_FLAG_ACT_DIRECT)

    @property
    def skip_sw(self) -> bool:
        return bool(self.gen_flags & TCA_CLS_FLAGS_SKIP_SW)

    @property
    def skip_hw(self) -> bool:
        return bool(self.gen_flags & TCA_CLS_FLAGS_SKIP_HW)

    @property
    def in_hw(self) -> bool:
        return bool(self.gen_flags & TCA_CLS_FLAGS_IN_HW)

    @property
    def not_in_hw(self) -> bool:
        return bool(self.gen_flags & TCA_CLS_FLAGS_NOT_IN_HW)


def _info(prio: int, protocol: int) -> int:
    """``tcm_info``: prio in the high 16 bits, protocol (network order) in the low 16."""
    return ((prio & 0xFFFF) << 16) | socket.htons(protocol & 0xFFFF)


def _hex_bytes(value: object) -> bytes | None:
    if value is None:
        return None
    if isinstance(value, bytes | bytearray):
        return bytes(value)
    return bytes.fromhex(str(value).replace(":", ""))


class TcClient:
    """tc qdisc/filter requests for the bpf classifier over rtnetlink (ext_ack on).

    ``netns`` opens the socket in ``/run/netns/NAME``. Use as a context manager."""

    def __init__(self, netns: str | None = None) -> None:
        self.ipr = IPRoute(ext_ack=True, netns=netns) if netns else IPRoute(ext_ack=True)
        # pyroute2 0.9.7's synchronous nlm_request() reads a status key the sync IPRoute
        # never sets (KeyError 'nlm_generator'); False makes it return a tuple.
        self.ipr.status.setdefault("nlm_generator", False)

    def __enter__(self) -> TcClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.ipr.close()

    def ifindex(self, dev: str) -> int:
        found = self.ipr.link_lookup(ifname=dev)
        if not found:
            raise TcError(_errno.ENODEV, f'Cannot find device "{dev}"')
        return int(found[0])

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except NetlinkError as exc:
            text = str(exc.args[1]) if len(exc.args) > 1 else ""
            extack = "" if text == os.strerror(exc.code) else text
            raise TcError(exc.code, extack) from None

    def _request(self, msg: tcmsg, msg_type: int, flags: int) -> list[tcmsg]:
        with self._errors():
            return list(self.ipr.nlm_request(msg, msg_type=msg_type,
                                             msg_flags=NLM_F_REQUEST | flags))

    # -- qdiscs ------------------------------------------------------------------------------
    def qdisc_add(self, dev: str, kind: str = "ingress", *, ingress_block: int | None = None,
                  egress_block: int | None = None) -> None:
        """``tc qdisc add dev DEV [ingress_block N] [egress_block M] ingress|clsact``."""
        if kind not in ("ingress", "clsact"):
            raise ValueError("only the ingress and clsact qdiscs are supported")
        msg = tcmsg()
        msg["index"] = self.ifindex(dev)
        msg["handle"] = 0xFFFF0000
        msg["parent"] = TC_H_INGRESS
        msg["attrs"] = [["TCA_KIND", kind]]
        if ingress_block is not None:
            msg["attrs"].append(["TCA_INGRESS_BLOCK", ingress_block])
        if egress_block is not None:
            msg["attrs"].append(["TCA_EGRESS_BLOCK", egress_block])
        self._request(msg, RTM_NEWQDISC, NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL)

    def qdisc_del(self, dev: str, kind: str = "ingress") -> None:
        msg = tcmsg()
        msg["index"] = self.ifindex(dev)
        msg["handle"] = 0xFFFF0000
        msg["parent"] = TC_H_INGRESS
        msg["attrs"] = [["TCA_KIND", kind]]
        self._request(msg, RTM_DELQDISC, NLM_F_ACK)

    # -- filters -----------------------------------------------------------------------------
    def _address(self, msg: tcmsg, target: Target, parent: int) -> None:
        if isinstance(target, Block):
            msg["index"] = TCM_IFINDEX_MAGIC_BLOCK
            msg["parent"] = target.index
        else:
            msg["index"] = self.ifindex(target)
            msg["parent"] = parent

    def filter_add(
        self,
        target: Target,
        *,
        fd: int,
        name: str | None = None,
        prio: int = 0,
        handle: int = 0,
        protocol: int = ETH_P_ALL,
        chain: int | None = None,
        da: bool = False,
        classid: int | None = None,
        skip_sw: bool = False,
        skip_hw: bool = False,
        gen_flags: int | None = None,
        egress: bool = False,
        replace: bool = False,
    ) -> None:
        """``tc filter add|replace ... bpf fd FD [name N] [da] [classid C] [skip_sw|skip_hw]``.

        ``gen_flags`` overrides skip_sw/skip_hw with a raw ``TCA_BPF_FLAGS_GEN`` value (for
        testing the kernel's validation). ``replace`` sends NLM_F_CREATE without NLM_F_EXCL,
        like ``tc filter replace``; otherwise NLM_F_EXCL, like ``tc filter add``."""
        msg = tcmsg()
        self._address(msg, target, PARENT_EGRESS if egress else PARENT_INGRESS)
        msg["handle"] = handle
        msg["info"] = _info(prio, protocol)
        if gen_flags is None:
            gen_flags = (TCA_CLS_FLAGS_SKIP_SW if skip_sw else 0) | (
                TCA_CLS_FLAGS_SKIP_HW if skip_hw else 0)
        opts: list[list[object]] = [["TCA_BPF_FD", fd]]
        if name is not None:
            opts.append(["TCA_BPF_NAME", name])
        if classid is not None:
            opts.append(["TCA_BPF_CLASSID", classid])
        if da:
            opts.append(["TCA_BPF_FLAGS", TCA_BPF_FLAG_ACT_DIRECT])
        if gen_flags:
            opts.append(["TCA_BPF_FLAGS_GEN", gen_flags])
        msg["attrs"] = [["TCA_KIND", "bpf"], ["TCA_OPTIONS", {"attrs": opts}]]
        if chain is not None:
            msg["attrs"].append(["TCA_CHAIN", chain])
        flags = NLM_F_ACK | NLM_F_CREATE | (0 if replace else NLM_F_EXCL)
        self._request(msg, RTM_NEWTFILTER, flags)

    def filter_del(self, target: Target, *, prio: int = 0, handle: int = 0,
                   protocol: int = ETH_P_ALL, chain: int | None = None,
                   egress: bool = False) -> None:
        """``tc filter del ... [prio P [handle H bpf]]``: prio 0 flushes the chain."""
        msg = tcmsg()
        self._address(msg, target, PARENT_EGRESS if egress else PARENT_INGRESS)
        msg["handle"] = handle
        msg["info"] = _info(prio, protocol if prio else 0)
        msg["attrs"] = [["TCA_KIND", "bpf"]] if handle else []
        if chain is not None:
            msg["attrs"].append(["TCA_CHAIN", chain])
        self._request(msg, RTM_DELTFILTER, NLM_F_ACK)

    def filters(self, target: Target, *, chain: int | None = None,
                egress: bool = False) -> list[BpfFilter]:
        """Dump the bpf filters (``tc filter show``), skipping the per-prio header entries."""
        msg = tcmsg()
        self._address(msg, target, PARENT_EGRESS if egress else PARENT_INGRESS)
        if chain is not None:
            msg["attrs"] = [["TCA_CHAIN", chain]]
        out = []
        for m in self._request(msg, RTM_GETTFILTER, NLM_F_DUMP):
            if m.get_attr("TCA_KIND") != "bpf":
                continue
            opts = m.get_attr("TCA_OPTIONS")
            if opts is None:
                continue
            info = m["info"]
            out.append(BpfFilter(
                prio=info >> 16,
                protocol=socket.ntohs(info & 0xFFFF),
                handle=m["handle"],
                chain=m.get_attr("TCA_CHAIN") or 0,
                parent=m["parent"],
                name=opts.get_attr("TCA_BPF_NAME"),
                classid=opts.get_attr("TCA_BPF_CLASSID"),
                flags=opts.get_attr("TCA_BPF_FLAGS") or 0,
                gen_flags=opts.get_attr("TCA_BPF_FLAGS_GEN") or 0,
                prog_id=opts.get_attr("TCA_BPF_ID"),
                tag=(lambda t: t.hex() if t else None)(_hex_bytes(opts.get_attr("TCA_BPF_TAG"))),
                bytecode=_hex_bytes(opts.get_attr("TCA_BPF_OPS")),
            ))
        return out
