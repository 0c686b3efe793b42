"""Classic BPF: tc's ``bytecode`` syntax, the kernel's checks, and an interpreter.

Parsing mirrors iproute2 ``bpf_parse_ops()`` (count, then ``code jt jf k`` groups separated
by commas; a trailing comma is fine), checks mirror ``bpf_check_classic()`` in
net/core/filter.c, and the engine runs cBPF directly with the semantics of the kernel's
converted program (``bpf_convert_filter()``): out-of-bounds packet loads and division by
zero end the program with 0.
"""

from __future__ import annotations

import errno
import random
import struct
from collections.abc import Callable
from pathlib import Path

from core.skb import SkBuff
from hwsim.bpf.errors import BpfLoadError

BPF_MAXINSNS = 4096
BPF_MEMWORDS = 16

# classes
LD, LDX, ST, STX, ALU, JMP, RET, MISC = range(8)
W, H, B = 0x00, 0x08, 0x10
IMM, ABS, IND, MEM, LEN, MSH = 0x00, 0x20, 0x40, 0x60, 0x80, 0xA0
K, X = 0x00, 0x08
RVAL_A = 0x10
TAX, TXA = 0x00, 0x80
SKF_AD_OFF = -0x1000
SKF_NET_OFF = -0x100000
SKF_LL_OFF = -0x200000

Op = tuple[int, int, int, int]  # (code, jt, jf, k) = struct sock_filter

_ALU_OPS = {0x00, 0x10, 0x20, 0x30, 0x40, 0x50, 0x60, 0x70, 0x80, 0x90, 0xA0}
_VALID = (
    {LD | s | m for s in (W, H, B) for m in (ABS, IND)}
    | {LD | W | IMM, LD | W | LEN, LD | W | MEM, LDX | W | IMM, LDX | W | LEN, LDX | W | MEM,
       LDX | B | MSH, ST, STX, RET | K, RET | RVAL_A, MISC | TAX, MISC | TXA, JMP | 0x00}
    | {ALU | op | s for op in _ALU_OPS for s in (K, X) if op != 0x80} | {ALU | 0x80}
    | {JMP | op | s for op in (0x10, 0x20, 0x30, 0x40) for s in (K, X)}
)


def parse_bytecode(text: str) -> list[Op]:
    """Parse tc's ``bytecode 'N,c t f k,...'`` string (iproute2 ``bpf_parse_ops``)."""
    text = text.strip().strip("'\"")
    head, sep, rest = text.partition(",")
    try:
        count = int(head.strip())
    except ValueError:
        count = -1
    if not sep or count < 0:
        raise BpfLoadError(errno.EINVAL, "bpf: failed to parse bytecode length")
    if count == 0 or count > BPF_MAXINSNS:
        raise BpfLoadError(errno.EINVAL, f"bpf: invalid number of instructions {count}")
    ops: list[Op] = []
    for i, tok in enumerate(t for t in rest.split(",") if t.strip()):
        if i >= count:
            raise BpfLoadError(errno.EINVAL,
                               "Real program length exceeds encoded length parameter!")
        parts = tok.split()
        try:
            code, jt, jf, k = (int(p) for p in parts[:4])
            if len(parts) < 4:
                raise ValueError
        except ValueError:
            raise BpfLoadError(errno.EINVAL, f"Error at instruction {i}!") from None
        ops.append((code & 0xFFFF, jt & 0xFF, jf & 0xFF, k & 0xFFFFFFFF))
    if len(ops) != count:
        raise BpfLoadError(errno.EINVAL,
                           "Parsed program length is less than encoded length parameter!")
    return ops


#: How much of a ``bytecode-file`` iproute2 reads (lib/bpf_legacy.c ``bpf_parse_string()``:
#: room for "4096," and BPF_MAXINSNS ops of "65535 255 255 4294967295,", NULs included);
#: the rest of a longer file is never looked at.
BYTECODE_FILE_MAX = len("4096,") + 1 + BPF_MAXINSNS * (len("65535 255 255 4294967295,") + 1)


def parse_bytecode_file(path: str | Path) -> list[Op]:
    """``bytecode-file FILE``: the same syntax read from a file (newlines are commas); at
    most :data:`BYTECODE_FILE_MAX` bytes, and only from a regular file (a FIFO would block
    the real tc in ``fopen()``, ``/dev/zero`` would be read to the bound)."""
    from core.files import read_regular

    try:
        text = read_regular(path, BYTECODE_FILE_MAX).decode("utf-8", "replace")
    except OSError as e:
        raise BpfLoadError(e.errno or errno.ENOENT, f"Cannot open file {path}: {e.strerror}"
                           ) from e
    return parse_bytecode(",".join(line for line in text.splitlines() if line.strip()))


def format_bytecode(ops: list[Op]) -> str:
    """Render as tc dumps it (``bpf_print_ops``): ``N,c t f k,...``."""
    return f"{len(ops)}," + ",".join(f"{c} {t} {f} {k}" for c, t, f, k in ops)


def check_classic(ops: list[Op]) -> None:
    """Mirrors ``bpf_check_classic()``: opcodes, jumps, memory slots, final return."""
    n = len(ops)
    if n == 0 or n > BPF_MAXINSNS:
        raise BpfLoadError(errno.EINVAL, f"classic program length {n} out of range")
    for pc, (code, jt, jf, k) in enumerate(ops):
        if code not in _VALID:
            raise BpfLoadError(errno.EINVAL, f"invalid classic opcode {code:#x} at insn {pc}")
        cls = code & 7
        if cls == ALU and code & 0xF0 in (0x30, 0x90) and code & X == 0 and k == 0:
            raise BpfLoadError(errno.EINVAL, f"division by constant zero at insn {pc}")
        if code in (LD | W | MEM, LDX | W | MEM, ST, STX) and k >= BPF_MEMWORDS:
            raise BpfLoadError(errno.EINVAL, f"scratch memory slot {k} out of range at insn {pc}")
        if cls == JMP:
            if code == JMP:
                if k >= n - pc - 1:
                    raise BpfLoadError(errno.EINVAL, f"jump out of range at insn {pc}")
            elif pc + jt + 1 >= n or pc + jf + 1 >= n:
                raise BpfLoadError(errno.EINVAL, f"jump out of range at insn {pc}")
    if ops[-1][0] & 7 != RET:
        raise BpfLoadError(errno.EINVAL, "classic program does not end with a return")


_U16 = struct.Struct(">H").unpack_from
_U32 = struct.Struct(">I").unpack_from


class _Exit(Exception):
    pass


def _anc(k: int) -> Callable[[SkBuff], int] | None:
    """Ancillary loads (``SKF_AD_*``) supported here, as ``convert_skb_access()`` reads."""
    table: dict[int, Callable[[SkBuff], int]] = {
        0: lambda s: s.protocol & 0xFFFF,  # SKF_AD_PROTOCOL (host order after ntohs)
        4: lambda s: s.pkt_type,
        8: lambda s: s.ifindex,
        12: lambda s: 0,  # SKF_AD_NLATTR: unsupported, reads 0
        16: lambda s: 0,
        20: lambda s: s.mark,
        24: lambda s: s.queue_mapping,
        28: lambda s: 1,  # SKF_AD_HATYPE: ARPHRD_ETHER
        32: lambda s: s.hash,
        36: lambda s: 0,  # SKF_AD_CPU
        40: lambda s: 0,  # SKF_AD_ALU_XOR_X handled in code generation
        44: lambda s: s.vlan_tci,
        48: lambda s: s.vlan_present,
        52: lambda s: 0,
        56: lambda s: random.getrandbits(32),
        60: lambda s: s.vlan_proto,
    }
    return table.get(k - SKF_AD_OFF) if SKF_AD_OFF <= k < 0 else None


def compile_classic(ops: list[Op]) -> Callable[[SkBuff], int]:
    """Pre-decode a checked cBPF program into a list of closures and return ``run(skb)``."""
    steps: list[Callable[[list[int], SkBuff], int]] = []
    for pc, (code, jt, jf, k) in enumerate(ops):
        steps.append(_step(pc, code, jt, jf, k))

    def run(skb: SkBuff) -> int:
        st = [0, 0] + [0] * BPF_MEMWORDS  # A, X, M[]
        pc = 0
        try:
            while True:
                pc = steps[pc](st, skb)
                if pc < 0:
                    return st[0]
        except _Exit:
            return 0

    return run


def _load(skb: SkBuff, off: int, size: int) -> int:
    data = skb.data
    if off < 0 or off + size > len(data):  # SKF_NET_OFF / SKF_LL_OFF are not modelled
        raise _Exit
    if size == 4:
        return _U32(data, off)[0]
    if size == 2:
        return _U16(data, off)[0]
    return data[off]


def _step(pc: int, code: int, jt: int, jf: int, k: int) -> Callable[[list[int], SkBuff], int]:
    nxt = pc + 1
    cls = code & 7
    sk = k - (1 << 32) if k & 0x80000000 else k
    size = {W: 4, H: 2, B: 1}.get(code & 0x18, 4)
    M32 = 0xFFFFFFFF

    if cls == RET:
        if code & RVAL_A:
            return lambda st, s: -1
        def ret_k(st: list[int], s: SkBuff) -> int:
            st[0] = k
            return -1
        return ret_k
    if cls in (LD, LDX):
        r = 0 if cls == LD else 1
        mode = code & 0xE0
        if mode == IMM:
            def f(st: list[int], s: SkBuff) -> int:
                st[r] = k
                return nxt
        elif mode == LEN:
            def f(st: list[int], s: SkBuff) -> int:
                st[r] = len(s.data)
                return nxt
        elif mode == MEM:
            def f(st: list[int], s: SkBuff) -> int:
                st[r] = st[2 + k]
                return nxt
        elif mode == MSH:
            def f(st: list[int], s: SkBuff) -> int:
                st[1] = (_load(s, sk, 1) & 0xF) << 2
                return nxt
        elif mode == ABS:
            anc = _anc(sk) if sk < 0 else None
            if anc is not None:
                def f(st: list[int], s: SkBuff) -> int:
                    st[0] = anc(s) & M32
                    return nxt
            else:
                def f(st: list[int], s: SkBuff) -> int:
                    st[0] = _load(s, sk, size)
                    return nxt
        else:  # IND
            def f(st: list[int], s: SkBuff) -> int:
                st[0] = _load(s, (st[1] + sk) & M32 if st[1] + sk >= 0 else st[1] + sk, size)
                return nxt
        return f
    if cls in (ST, STX):
        r = 0 if cls == ST else 1
        def store(st: list[int], s: SkBuff) -> int:
            st[2 + k] = st[r]
            return nxt
        return store
    if cls == MISC:
        if code & 0xF8 == TXA:
            def txa(st: list[int], s: SkBuff) -> int:
                st[0] = st[1]
                return nxt
            return txa
        def tax(st: list[int], s: SkBuff) -> int:
            st[1] = st[0]
            return nxt
        return tax
    if cls == ALU:
        op, use_x = code & 0xF0, code & X
        fn = _ALU[op]
        def alu(st: list[int], s: SkBuff) -> int:
            st[0] = fn(st[0], st[1] if use_x else k) & M32
            return nxt
        return alu
    # JMP
    op = code & 0xF0
    if op == 0x00:
        tgt = nxt + k
        return lambda st, s: tgt
    t, f_ = nxt + jt, nxt + jf
    test = _JMP[op]
    use_x = code & X
    def jmp(st: list[int], s: SkBuff) -> int:
        return t if test(st[0], st[1] if use_x else k) else f_
    return jmp


def _div(a: int, b: int) -> int:
    if b == 0:
        raise _Exit
    return a // b


def _mod(a: int, b: int) -> int:
    if b == 0:
        raise _Exit
    return a % b


_ALU: dict[int, Callable[[int, int], int]] = {
    0x00: lambda a, b: a + b, 0x10: lambda a, b: a - b, 0x20: lambda a, b: a * b,
    0x30: _div, 0x40: lambda a, b: a | b, 0x50: lambda a, b: a & b,
    0x60: lambda a, b: a << (b & 31), 0x70: lambda a, b: a >> (b & 31), 0x80: lambda a, b: -a,
    0x90: _mod, 0xA0: lambda a, b: a ^ b,
}
_JMP: dict[int, Callable[[int, int], bool]] = {
    0x10: lambda a, b: a == b, 0x20: lambda a, b: a > b, 0x30: lambda a, b: a >= b,
    0x40: lambda a, b: bool(a & b),
}
