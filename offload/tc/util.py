"""iproute2's argument helpers and name tables, re-expressed in Python.

Mirrors lib/utils.c (``matches``, ``get_u32``/``get_u16`` with ``strtoul`` bases,
``invarg``, ``duparg``, ``incomplete_command``, the ``NEXT_ARG`` macros of include/utils.h),
lib/ll_proto.c (``ll_proto_a2n``/``ll_proto_n2a``) and tc/tc_util.c (``get_tc_classid``,
``print_tc_classid``, ``action_a2n``/``action_n2a``).
"""

from __future__ import annotations

import os
import re

from offload.tc.result import CmdExit

ETH_P_ALL = 0x0003
TC_H_ROOT = 0xFFFFFFFF
TC_H_UNSPEC = 0
TC_H_INGRESS = 0xFFFFFFF1
TC_H_CLSACT = TC_H_INGRESS
TC_ACT_EXT_VAL_MASK = 0x0FFFFFFF
TC_H_MIN_INGRESS = 0xFFF2
TC_H_MIN_EGRESS = 0xFFF3
TC_H_INGRESS_PARENT = 0xFFFFFFF2  # TC_H_MAKE(TC_H_CLSACT, TC_H_MIN_INGRESS)
TC_H_EGRESS_PARENT = 0xFFFFFFF3  # TC_H_MAKE(TC_H_CLSACT, TC_H_MIN_EGRESS)

#: lib/ll_proto.c ``llproto_names`` (the common part; unknown ids print as ``[N]``).
LL_PROTO_NAMES: list[tuple[int, str]] = [
    (0x0060, "loop"), (0x0200, "pup"), (0x0800, "ip"), (0x0805, "x25"), (0x0806, "arp"),
    (0x08FF, "bpq"), (0x6000, "dec"), (0x8035, "rarp"), (0x809B, "atalk"), (0x80F3, "aarp"),
    (0x8137, "ipx"), (0x86DD, "ipv6"), (0x8863, "ppp_disc"), (0x8864, "ppp_ses"),
    (0x0001, "802_3"), (0x0002, "ax25"), (0x0003, "all"), (0x0004, "802_2"),
    (0x0005, "snap"), (0x000C, "can"), (0x88CA, "tipc"), (0x88A2, "aoe"),
    (0x8100, "802.1Q"), (0x88A8, "802.1ad"), (0x8847, "mpls_uc"), (0x8848, "mpls_mc"),
    (0x6558, "teb"), (0x88CC, "LLDP"), (0x0800, "ipv4"),
]

#: tc/tc_util.c ``action_a2n`` (``matches`` against each, in this order).
ACTION_A2N: list[tuple[str, int]] = [
    ("continue", -1), ("drop", 2), ("shot", 2), ("pass", 0), ("ok", 0),
    ("reclassify", 1), ("pipe", 3), ("goto", 0x20000000), ("jump", 0x10000000), ("trap", 8),
]
ACTION_N2A = {-1: "continue", 0: "pass", 2: "drop", 1: "reclassify", 3: "pipe", 4: "stolen",
              8: "trap"}


def matches(arg: str, word: str) -> bool:
    """``matches(arg, word) == 0`` in iproute2: ``arg`` is a prefix of ``word`` (the empty
    string matches everything). Returns True for a match."""
    return word.startswith(arg)


def strtoul(text: str, base: int) -> tuple[int, str] | None:
    """C ``strtoul``: leading space and sign, ``0x``/``0`` prefixes for base 0/16; returns
    (value, rest) or None when no digits were read."""
    s = text.lstrip(" \t\n")
    neg = False
    if s[:1] in "+-" and s:
        neg = s[0] == "-"
        s = s[1:]
    b = base
    if b in (0, 16) and s[:2].lower() == "0x" and len(s) > 2 and s[2] in "0123456789abcdefABCDEF":
        s, b = s[2:], 16
    elif b == 0:
        b = 8 if s[:1] == "0" and len(s) > 1 else 10
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"[:b]
    n = 0
    while n < len(s) and s[n].lower() in digits:
        n += 1
    if n == 0:
        if b == 8 and s[:1] == "0":
            return 0, s[1:]
        return None
    value = int(s[:n], b)
    if neg:
        value = (-value) % (1 << 64)
    return min(value, (1 << 64) - 1), s[n:]


def get_unsigned(text: str, base: int, limit: int) -> int | None:
    """``get_u32``/``get_u16``: the whole string must be a number not above ``limit``."""
    if not text:
        return None
    r = strtoul(text, base)
    if r is None or r[1]:
        return None
    return r[0] if r[0] <= limit else None


def get_u32(text: str, base: int = 0) -> int | None:
    return get_unsigned(text, base, 0xFFFFFFFF)


def get_u16(text: str, base: int = 0) -> int | None:
    return get_unsigned(text, base, 0xFFFF)


def invarg(msg: str, arg: str) -> CmdExit:
    """lib/utils.c ``invarg``: the caller raises what this returns."""
    return CmdExit(-1, f'Error: argument "{arg}" is wrong: {msg}\n')


def duparg(key: str, arg: str) -> CmdExit:
    return CmdExit(-1, f'Error: duplicate "{key}": "{arg}" is the second value.\n')


def incomplete_command() -> CmdExit:
    return CmdExit(-1, 'Command line is not complete. Try option "help"\n')


def nodev(dev: str) -> str:
    """lib/utils.c ``nodev``'s message."""
    return f'Cannot find device "{dev}"\n'


class Args:
    """An argv cursor with the ``NEXT_ARG``/``NEXT_ARG_FWD``/``PREV_ARG`` macros."""

    def __init__(self, argv: list[str] | tuple[str, ...]) -> None:
        self.argv = list(argv)
        self.i = 0

    @property
    def argc(self) -> int:
        return len(self.argv) - self.i

    def __bool__(self) -> bool:
        return self.argc > 0

    @property
    def cur(self) -> str:
        return self.argv[self.i]

    def next(self) -> str:
        """``NEXT_ARG()``: step to the next word, which must exist."""
        self.i += 1
        if self.argc <= 0:
            raise incomplete_command()
        return self.cur

    def fwd(self) -> None:
        """``NEXT_ARG_FWD()``."""
        self.i += 1

    def back(self) -> None:
        """``PREV_ARG()``."""
        self.i -= 1

    def peek(self, k: int = 0) -> str | None:
        j = self.i + k
        return self.argv[j] if 0 <= j < len(self.argv) else None

    def rest(self) -> list[str]:
        return self.argv[self.i:]


def ll_proto_a2n(text: str) -> int | None:
    """lib/ll_proto.c ``ll_proto_a2n``: a name (case-insensitive) or a number (``get_be16``)."""
    for pid, name in LL_PROTO_NAMES:
        if name.lower() == text.lower():
            return pid
    return get_u16(text, 0)


def ll_proto_n2a(pid: int) -> str:
    """lib/ll_proto.c ``ll_proto_n2a``: the first name in the table, else ``[N]``."""
    for p, name in LL_PROTO_NAMES:
        if p == pid:
            return name
    return f"[{pid}]"


_HEX = re.compile(r"[0-9a-fA-F]")


def get_tc_classid(text: str) -> int | None:
    """tc/tc_util.c ``get_tc_classid``: ``root``, ``none``, ``MAJ:MIN``, ``:MIN``, ``MAJ:``
    or a bare hex number (all hexadecimal)."""
    if text == "root":
        return TC_H_ROOT
    if text == "none":
        return TC_H_UNSPEC
    r = strtoul(text, 16)
    if r is None:
        if not text.startswith(":"):
            return None
        maj, rest = 0, text
    else:
        maj, rest = r
    if rest.startswith(":"):
        if maj >= 1 << 16:
            return None
        r2 = strtoul(rest[1:], 16)
        minor, tail = (0, rest[1:]) if r2 is None else r2
        if tail or minor >= 1 << 16:
            return None
        return (maj << 16) | minor
    if rest:
        return None
    return maj if maj <= 0xFFFFFFFF else None


def print_tc_classid(h: int) -> str:
    """tc/tc_util.c ``print_tc_classid``."""
    if h == TC_H_ROOT:
        return "root"
    if h == TC_H_UNSPEC:
        return "none"
    maj, minor = h >> 16, h & 0xFFFF
    if maj == 0:
        return f":{minor:x}"
    if minor == 0:
        return f"{maj:x}:"
    return f"{maj:x}:{minor:x}"


def action_a2n(text: str) -> int | None:
    """tc/tc_util.c ``action_a2n`` without numbers."""
    for name, value in ACTION_A2N:
        if matches(text, name):
            return value
    return None


def action_n2a(value: int) -> str:
    return ACTION_N2A.get(value, str(value))


def strerror(err: int) -> str:
    return os.strerror(abs(err))
