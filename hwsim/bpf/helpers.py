"""BPF helper functions available to tc programs, and their argument contracts.

Each implementation mirrors the ``BPF_CALL_x`` of the same name (net/core/filter.c,
kernel/bpf/helpers.c); :data:`PROTOS` mirrors the ``bpf_func_proto`` argument types the
verifier checks (``check_helper_call()``). Helpers get raw u64 register values and the
:class:`RunEnv` of the running program.
"""

from __future__ import annotations

import errno
import random
import time
from collections.abc import Callable

import attrs

from core.skb import SkBuff
from hwsim.bpf.maps import BPF_MAP_TYPE_PROG_ARRAY, Map

M64 = (1 << 64) - 1
M32 = 0xFFFFFFFF
REGION_SHIFT = 32
TC_ACT_REDIRECT = 7
TC_ACT_SHOT = 2
MAX_TAIL_CALL_CNT = 33

# argument types (subset of enum bpf_arg_type)
ANYTHING, CONST_MAP_PTR, PTR_TO_MAP_KEY, PTR_TO_MAP_VALUE, PTR_TO_CTX = range(5)
PTR_TO_MEM, PTR_TO_UNINIT_MEM, CONST_SIZE, CONST_SIZE_OR_ZERO = 5, 6, 7, 8
# return types
RET_INTEGER, RET_MAP_VALUE_OR_NULL, RET_VOID = 0, 1, 2


@attrs.frozen
class Proto:
    name: str
    args: tuple[int, ...]
    ret: int = RET_INTEGER
    gpl_only: bool = False


PROTOS: dict[int, Proto] = {
    1: Proto("map_lookup_elem", (CONST_MAP_PTR, PTR_TO_MAP_KEY), RET_MAP_VALUE_OR_NULL),
    2: Proto("map_update_elem", (CONST_MAP_PTR, PTR_TO_MAP_KEY, PTR_TO_MAP_VALUE, ANYTHING)),
    3: Proto("map_delete_elem", (CONST_MAP_PTR, PTR_TO_MAP_KEY)),
    5: Proto("ktime_get_ns", ()),
    6: Proto("trace_printk", (PTR_TO_MEM, CONST_SIZE), gpl_only=True),
    7: Proto("get_prandom_u32", ()),
    8: Proto("get_smp_processor_id", ()),
    9: Proto("skb_store_bytes", (PTR_TO_CTX, ANYTHING, PTR_TO_MEM, CONST_SIZE, ANYTHING)),
    10: Proto("l3_csum_replace", (PTR_TO_CTX, ANYTHING, ANYTHING, ANYTHING, ANYTHING)),
    11: Proto("l4_csum_replace", (PTR_TO_CTX, ANYTHING, ANYTHING, ANYTHING, ANYTHING)),
    12: Proto("tail_call", (PTR_TO_CTX, CONST_MAP_PTR, ANYTHING), RET_VOID),
    23: Proto("redirect", (ANYTHING, ANYTHING)),
    26: Proto("skb_load_bytes", (PTR_TO_CTX, ANYTHING, PTR_TO_UNINIT_MEM, CONST_SIZE)),
}


class TailCall(Exception):
    """Raised by ``bpf_tail_call`` on success; the caller's frame is abandoned."""

    def __init__(self, prog: object) -> None:
        self.prog = prog


class MemFault(Exception):
    pass


@attrs.define(eq=False)
class RunEnv:
    """Per-program run state: address regions, maps, current skb, the printk log."""

    mem: list[bytearray | None]
    maps: dict[int, Map]  # region -> map
    skb: SkBuff | None = None
    printk: list[str] = attrs.field(factory=list)
    tail_calls: int = 0

    def read(self, addr: int, n: int) -> bytes:
        r, o = addr >> REGION_SHIFT, addr & M32
        buf = self.mem[r] if r < len(self.mem) else None
        if buf is None or o + n > len(buf):
            raise MemFault(f"helper read of {n} bytes at {addr:#x}")
        return bytes(buf[o : o + n])

    def write(self, addr: int, data: bytes) -> None:
        r, o = addr >> REGION_SHIFT, addr & M32
        buf = self.mem[r] if r < len(self.mem) else None
        if buf is None or o + len(data) > len(buf):
            raise MemFault(f"helper write of {len(data)} bytes at {addr:#x}")
        buf[o : o + len(data)] = data

    def map_at(self, addr: int) -> Map:
        m = self.maps.get(addr >> REGION_SHIFT)
        if m is None:
            raise MemFault(f"{addr:#x} is not a map")
        return m


def _neg(e: int) -> int:
    return (-e) & M64


def _csum_add(a: int, b: int) -> int:
    s = a + b
    return (s & M32) + (s >> 32)


def _fold(c: int) -> int:
    c = (c & 0xFFFF) + (c >> 16)
    c = (c & 0xFFFF) + (c >> 16)
    return ~c & 0xFFFF


def _csum16_add(c: int, a: int) -> int:
    r = (c + a) & 0xFFFF
    return r + (r < a)


def _le16(buf: bytearray, off: int) -> int:
    return buf[off] | (buf[off + 1] << 8)


def _put16(buf: bytearray, off: int, v: int) -> None:
    buf[off] = v & 0xFF
    buf[off + 1] = (v >> 8) & 0xFF


def make_helpers(env: RunEnv) -> dict[int, Callable[..., int]]:
    """Bind helper implementations to ``env``; keys are helper ids (``enum bpf_func_id``)."""

    def map_lookup_elem(r1: int, r2: int, r3: int, r4: int, r5: int) -> int:
        m = env.map_at(r1)
        if m.map_type == BPF_MAP_TYPE_PROG_ARRAY:
            return 0
        off = m.slot(env.read(r2, m.key_size))
        return 0 if off is None else (r1 & ~M32) + off

    def map_update_elem(r1: int, r2: int, r3: int, r4: int, r5: int) -> int:
        m = env.map_at(r1)
        return m.update(env.read(r2, m.key_size), env.read(r3, m.value_size), r4) & M64

    def map_delete_elem(r1: int, r2: int, r3: int, r4: int, r5: int) -> int:
        m = env.map_at(r1)
        return m.delete(env.read(r2, m.key_size)) & M64

    def ktime_get_ns(*_: int) -> int:
        return time.monotonic_ns()

    def trace_printk(r1: int, r2: int, r3: int, r4: int, r5: int) -> int:
        fmt = env.read(r1, r2).split(b"\0", 1)[0].decode(errors="replace")
        try:
            text = _printf(fmt, (r3, r4, r5))
        except (TypeError, ValueError):
            return _neg(errno.EINVAL)
        env.printk.append(text)
        return len(text)

    def get_prandom_u32(*_: int) -> int:
        return random.getrandbits(32)

    def get_smp_processor_id(*_: int) -> int:
        return 0

    def skb_store_bytes(r1: int, r2: int, r3: int, r4: int, r5: int) -> int:
        data = env.skb.data  # type: ignore[union-attr]
        if r5 & ~3:
            return _neg(errno.EINVAL)
        off, n = r2 & M32, r4 & M32
        if off > 0x7FFFFFFF or off + n > len(data):
            return _neg(errno.EFAULT)
        data[off : off + n] = env.read(r3, n)
        if r5 & 2:
            env.skb.hash = 0  # type: ignore[union-attr]
        return 0

    def skb_load_bytes(r1: int, r2: int, r3: int, r4: int, r5: int) -> int:
        data = env.skb.data  # type: ignore[union-attr]
        off, n = r2 & M32, r4 & M32
        if off > 0x7FFFFFFF or off + n > len(data):
            env.write(r3, bytes(n))
            return _neg(errno.EFAULT)
        env.write(r3, bytes(data[off : off + n]))
        return 0

    def l3_csum_replace(r1: int, r2: int, r3: int, r4: int, r5: int) -> int:
        data = env.skb.data  # type: ignore[union-attr]
        off = r2 & M32
        if r5 & ~0xF:
            return _neg(errno.EINVAL)
        if off > 0xFFFF or off & 1 or off + 2 > len(data):
            return _neg(errno.EFAULT)
        s = _le16(data, off)
        size = r5 & 0xF
        if size == 0:
            if r3:
                return _neg(errno.EINVAL)
            _put16(data, off, _fold(_csum_add(r4 & M32, ~s & M32)))
        elif size == 2:  # csum_replace2()
            old, new = r3 & 0xFFFF, r4 & 0xFFFF
            _put16(data, off, ~_csum16_add(_csum16_add(~s & 0xFFFF, ~old & 0xFFFF), new)
                   & 0xFFFF)
        elif size == 4:  # csum_replace4()
            tmp = _csum_add(~s & M32, ~r3 & M32)
            _put16(data, off, _fold(_csum_add(tmp, r4 & M32)))
        else:
            return _neg(errno.EINVAL)
        return 0

    def l4_csum_replace(r1: int, r2: int, r3: int, r4: int, r5: int) -> int:
        data = env.skb.data  # type: ignore[union-attr]
        off = r2 & M32
        if r5 & ~(0x10 | 0x20 | 0x40 | 0xF | 0x80):
            return _neg(errno.EINVAL)
        if off > 0xFFFF or off & 1 or off + 2 > len(data):
            return _neg(errno.EFAULT)
        mmzero, mforce = r5 & 0x20, r5 & 0x40
        s = _le16(data, off)
        if mmzero and not mforce and s == 0:
            return 0
        size = r5 & 0xF
        if size == 0:  # inet_proto_csum_replace_by_diff()
            if r3:
                return _neg(errno.EINVAL)
            s = _fold(_csum_add(r4 & M32, ~s & M32))
        elif size in (2, 4):  # inet_proto_csum_replace4(): csum_partial({~from, to}, ~sum)
            mask = 0xFFFF if size == 2 else M32
            acc = _csum_add(~s & M32, ~(r3 & mask) & M32)
            s = _fold(_csum_add(acc, r4 & mask))
        else:
            return _neg(errno.EINVAL)
        if mmzero and s == 0:
            s = 0xFFFF
        _put16(data, off, s)
        return 0

    def tail_call(r1: int, r2: int, r3: int, r4: int, r5: int) -> int:
        m = env.map_at(r2)
        idx = r3 & M32
        if idx >= m.max_entries or env.tail_calls >= MAX_TAIL_CALL_CNT:
            return 0
        prog = m.progs[idx]
        if prog is None:
            return 0
        env.tail_calls += 1
        raise TailCall(prog)

    def redirect(r1: int, r2: int, r3: int, r4: int, r5: int) -> int:
        if r2 & ~1:  # only BPF_F_INGRESS
            return TC_ACT_SHOT
        if env.skb is not None:
            env.skb.redirect_ifindex = r1 & M32
        return TC_ACT_REDIRECT

    table = {
        1: map_lookup_elem, 2: map_update_elem, 3: map_delete_elem, 5: ktime_get_ns,
        6: trace_printk, 7: get_prandom_u32, 8: get_smp_processor_id, 9: skb_store_bytes,
        10: l3_csum_replace, 11: l4_csum_replace, 12: tail_call, 23: redirect,
        26: skb_load_bytes,
    }
    assert set(table) == set(PROTOS)
    return table


def _printf(fmt: str, args: tuple[int, ...]) -> str:
    """The subset of ``bpf_trace_printk`` formats: %d %i %u %x %ld %lu %lx %llu %lld %llx %%."""
    out, ai, i = [], 0, 0
    while i < len(fmt):
        c = fmt[i]
        if c != "%":
            out.append(c)
            i += 1
            continue
        j = i + 1
        while j < len(fmt) and fmt[j] == "l":
            j += 1
        if j >= len(fmt):
            raise ValueError("bad format")
        conv = fmt[j]
        if conv == "%":
            out.append("%")
        else:
            if ai >= len(args):
                raise ValueError("too many conversions")
            v = args[ai]
            ai += 1
            wide = j - i - 1 >= 1
            v = v & (M64 if wide else M32)
            if conv in "di":
                bits = 64 if wide else 32
                out.append(str(v - (1 << bits) if v >> (bits - 1) else v))
            elif conv == "u":
                out.append(str(v))
            elif conv == "x":
                out.append(f"{v:x}")
            else:
                raise ValueError(f"unsupported conversion %{conv}")
        i = j + 1
    return "".join(out)
