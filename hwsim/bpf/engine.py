"""The eBPF execution engine: each program is translated once into a Python function.

Where the kernel's ``___bpf_prog_run()`` (kernel/bpf/core.c) dispatches on every
instruction through a jump table, we pay the decoding cost once: each basic block becomes
straight-line Python source with registers as local variables, and blocks are chained by
a small ``blk`` state variable (a ``while`` loop is only emitted when the program has a
back-edge). The hot path therefore has no per-instruction dispatch, dict lookup or
allocation; it is the closest Python gets to a JIT.

Memory model: an address is ``region << 32 | offset``. Region 1 is the stack, 2 the
``__sk_buff`` image, 3 the packet, 4.. one per map (all values of a map back to back).
A region is a ``bytearray`` in ``env.mem``; loads and stores index it directly, so a bad
pointer raises instead of corrupting anything.
"""

from __future__ import annotations

import errno
import struct
import threading
from collections.abc import Callable

from hwsim.bpf import insn as I
from hwsim.bpf.ctx import OFF_DATA, OFF_DATA_END, OFF_DATA_META
from hwsim.bpf.errors import BpfLoadError, BpfRuntimeError
from hwsim.bpf.helpers import RunEnv, make_helpers
from hwsim.bpf.insn import Insn

M64 = (1 << 64) - 1
M32 = 0xFFFFFFFF
REGION_STACK, REGION_CTX, REGION_PKT, REGION_MAP0 = 1, 2, 3, 4
STACK_BASE = REGION_STACK << 32
FP = STACK_BASE + I.MAX_BPF_STACK
CTX_BASE = REGION_CTX << 32
PKT_BASE = REGION_PKT << 32

_ALU_SYM = {I.BPF_ADD: "+", I.BPF_SUB: "-", I.BPF_MUL: "*", I.BPF_OR: "|", I.BPF_AND: "&",
            I.BPF_XOR: "^"}
_CMP = {I.BPF_JEQ: "==", I.BPF_JNE: "!=", I.BPF_JGT: ">", I.BPF_JGE: ">=", I.BPF_JLT: "<",
        I.BPF_JLE: "<=", I.BPF_JSGT: ">", I.BPF_JSGE: ">=", I.BPF_JSLT: "<", I.BPF_JSLE: "<="}
_SIGNED = {I.BPF_JSGT, I.BPF_JSGE, I.BPF_JSLT, I.BPF_JSLE}
_FMT = {1: "B", 2: "H", 4: "I", 8: "Q"}


class AbsExit(Exception):
    """``LD_ABS``/``LD_IND`` out of bounds: the program returns 0 (``bpf_skb_load_helper``)."""


def bswap(n: int) -> Callable[[int], int]:
    def sw(v: int) -> int:
        return int.from_bytes((v & ((1 << (8 * n)) - 1)).to_bytes(n, "little"), "big")
    return sw


def jump_target(pc: int, ins: Insn) -> int:
    return pc + 1 + ins.off


def is_jump(ins: Insn) -> bool:
    cls = I.bpf_class(ins.code)
    return cls in (I.BPF_JMP, I.BPF_JMP32) and I.bpf_op(ins.code) not in (I.BPF_CALL,
                                                                            I.BPF_EXIT)


class _Gen:
    def __init__(self, insns: list[Insn], imm64: dict[int, int], ctx_loads: set[int] | None):
        self.insns = insns
        self.imm64 = imm64
        self.ctx_loads = ctx_loads
        self.lines: list[str] = []

    def addr(self, reg: int, off: int) -> str:
        return f"(a := (r{reg} + {off}) & M)" if off < 0 else f"(a := r{reg} + {off})"

    def load(self, pc: int, ins: Insn) -> str:
        size = I.SIZE_BYTES[I.bpf_size(ins.code)]
        d, s, off = ins.dst, ins.src, ins.off
        if self.ctx_loads is not None and pc in self.ctx_loads:
            if off in (OFF_DATA, OFF_DATA_META) and size == 4:
                return f"r{d} = PKT_BASE"
            if off == OFF_DATA_END and size == 4:
                return f"r{d} = data_end"
            if size == 1:
                return f"r{d} = ctxb[{off}]"
            return f"r{d} = LD{size}(ctxb, {off})[0]"
        if size == 1:
            return f"r{d} = mem[{self.addr(s, off)} >> 32][a & M32]"
        if size == 4 and self.ctx_loads is None:
            return f"r{d} = ldw({self.addr(s, off)})"
        return f"r{d} = LD{size}(mem[{self.addr(s, off)} >> 32], a & M32)[0]"

    def store(self, ins: Insn, val: str) -> str:
        size = I.SIZE_BYTES[I.bpf_size(ins.code)]
        mask = (1 << (8 * size)) - 1
        a = self.addr(ins.dst, ins.off)
        if size == 1:
            return f"mem[{a} >> 32][a & M32] = {val} & 0xFF"
        return f"ST{size}(mem[{a} >> 32], a & M32, {val} & {mask:#x})"

    def alu(self, ins: Insn) -> list[str]:
        cls, op = I.bpf_class(ins.code), I.bpf_op(ins.code)
        d = f"r{ins.dst}"
        wide = cls == I.BPF_ALU64
        mask = "M" if wide else "M32"
        bits = 64 if wide else 32
        if I.bpf_src(ins.code) == I.BPF_X:
            src = f"r{ins.src}" if wide else f"(r{ins.src} & M32)"
        else:
            src = str(ins.imm & (M64 if wide else M32))
        dv = d if wide else f"({d} & M32)"
        if op == I.BPF_END:
            if wide:
                raise BpfLoadError(errno.EINVAL, "BPF_ALU64 | BPF_END (v4 bswap) not supported")
            if ins.imm not in (16, 32, 64):
                raise BpfLoadError(errno.EINVAL, f"invalid BPF_END size {ins.imm}")
            if I.bpf_src(ins.code) == I.BPF_TO_BE:
                return [f"{d} = BSWAP{ins.imm}({d})"]
            return [f"{d} = {d} & {(1 << ins.imm) - 1:#x}"]
        if op in _ALU_SYM:
            return [f"{d} = ({dv} {_ALU_SYM[op]} {src}) & {mask}"]
        if op == I.BPF_MOV:
            return [f"{d} = {src}" if wide or I.bpf_src(ins.code) == I.BPF_K else
                    f"{d} = r{ins.src} & M32"]
        if op == I.BPF_NEG:
            return [f"{d} = -{dv} & {mask}"]
        if op == I.BPF_DIV:
            return [f"t = {src}", f"{d} = {dv} // t if t else 0"]
        if op == I.BPF_MOD:
            return [f"t = {src}", f"{d} = {dv} % t if t else {dv}"]
        sh = f"({src} & {bits - 1})"
        if op == I.BPF_LSH:
            return [f"{d} = ({dv} << {sh}) & {mask}"]
        if op == I.BPF_RSH:
            return [f"{d} = {dv} >> {sh}"]
        if op == I.BPF_ARSH:
            sign = 1 << (bits - 1)
            return [f"{d} = ((({dv} ^ {sign:#x}) - {sign:#x}) >> {sh}) & {mask}"]
        raise BpfLoadError(errno.EINVAL, f"unknown alu opcode {ins.code:#04x}")

    def cond(self, ins: Insn) -> str:
        wide = I.bpf_class(ins.code) == I.BPF_JMP
        op = I.bpf_op(ins.code)
        mask = M64 if wide else M32
        a = f"r{ins.dst}" if wide else f"(r{ins.dst} & M32)"
        if I.bpf_src(ins.code) == I.BPF_X:
            b = f"r{ins.src}" if wide else f"(r{ins.src} & M32)"
        else:
            b = str(ins.imm & mask)
        if op == I.BPF_JSET:
            return f"{a} & {b}"
        if op not in _CMP:
            raise BpfLoadError(errno.EINVAL, f"unknown jmp opcode {ins.code:#04x}")
        if op in _SIGNED:
            flip = 1 << (63 if wide else 31)
            if I.bpf_src(ins.code) == I.BPF_K:
                return f"({a} ^ {flip:#x}) {_CMP[op]} {(ins.imm & mask) ^ flip}"
            return f"({a} ^ {flip:#x}) {_CMP[op]} ({b} ^ {flip:#x})"
        return f"{a} {_CMP[op]} {b}"

    def insn(self, pc: int, ins: Insn) -> list[str]:
        cls = I.bpf_class(ins.code)
        if cls in (I.BPF_ALU, I.BPF_ALU64):
            return self.alu(ins)
        if cls == I.BPF_LDX:
            if I.bpf_mode(ins.code) != I.BPF_MEM:
                raise BpfLoadError(errno.EINVAL, f"unsupported ldx mode at insn {pc}")
            return [self.load(pc, ins)]
        if cls == I.BPF_ST:
            return [self.store(ins, str(ins.imm & M64))]
        if cls == I.BPF_STX:
            if I.bpf_mode(ins.code) == I.BPF_ATOMIC:
                size = I.SIZE_BYTES[I.bpf_size(ins.code)]
                a = self.addr(ins.dst, ins.off)
                call = f"ATOMIC{size}({a}, {ins.imm}, r{ins.src}, r0)"
                if ins.imm == I.BPF_CMPXCHG:
                    return [f"r0 = {call}"]
                if ins.imm & I.BPF_FETCH:
                    return [f"r{ins.src} = {call}"]
                return [call]
            return [self.store(ins, f"r{ins.src}")]
        if cls == I.BPF_LD:
            mode = I.bpf_mode(ins.code)
            if ins.code == I.LD_IMM64:
                return [f"r{ins.dst} = {self.imm64.get(pc, 0)}"]
            if mode in (I.BPF_ABS, I.BPF_IND):
                size = I.SIZE_BYTES[I.bpf_size(ins.code)]
                off = f"r{ins.src} + {ins.imm}" if mode == I.BPF_IND else str(ins.imm)
                return [f"r0 = LDABS({off}, {size})"]
            raise BpfLoadError(errno.EINVAL, f"invalid BPF_LD_IMM insn at {pc}")
        op = I.bpf_op(ins.code)
        if op == I.BPF_CALL:
            if ins.src == I.BPF_PSEUDO_CALL:
                raise BpfLoadError(errno.EOPNOTSUPP, f"bpf-to-bpf call at insn {pc} "
                                                     "not supported")
            return [f"r0 = H{ins.imm}(r1, r2, r3, r4, r5)"]
        if op == I.BPF_EXIT:
            return ["return r0"]
        raise BpfLoadError(errno.EINVAL, f"unknown opcode {ins.code:#04x} at insn {pc}")

    def generate(self) -> str:
        insns = self.insns
        n = len(insns)
        leaders = {0}
        back = False
        skip = set()
        for pc, ins in enumerate(insns):
            if ins.code == I.LD_IMM64:
                skip.add(pc + 1)
            if is_jump(ins):
                t = jump_target(pc, ins)
                if not 0 <= t < n:
                    raise BpfLoadError(errno.EINVAL, f"jump out of range from insn {pc} to {t}")
                leaders.add(t)
                back |= t <= pc
                leaders.add(pc + 1)
            elif I.bpf_class(ins.code) in (I.BPF_JMP, I.BPF_JMP32) and \
                    I.bpf_op(ins.code) == I.BPF_EXIT:
                leaders.add(pc + 1)
        order = sorted(x for x in leaders if x < n)
        ind = " " * (12 if back else 8)
        out = ["def run(r1):",
               "    r0 = r2 = r3 = r4 = r5 = r6 = r7 = r8 = r9 = t = 0",
               "    r10 = FP", "    data_end = PKT_BASE + len(mem[3])", "    blk = 0"]
        if back:
            out.append("    while True:")
        for bi, start in enumerate(order):
            end = order[bi + 1] if bi + 1 < len(order) else n
            out.append(f"{ind[:-4]}if blk == {start}:")
            terminated = False
            for pc in range(start, end):
                if pc in skip:
                    continue
                ins = insns[pc]
                out.append(f"{ind}# {pc}: {ins.code:#04x}")
                if is_jump(ins):
                    t = jump_target(pc, ins)
                    cont = "; continue" if back else ""
                    if I.bpf_op(ins.code) == I.BPF_JA:
                        out.append(f"{ind}blk = {t}{cont}")
                    else:
                        out.append(f"{ind}blk = {t} if {self.cond(ins)} else {pc + 1}")
                        if back and t <= pc:
                            out.append(f"{ind}continue")
                    terminated = True
                    continue
                for line in self.insn(pc, ins):
                    out.append(ind + line)
                if line == "return r0":
                    terminated = True
            if not terminated:
                out.append(f"{ind}blk = {end}")
        out.append(("    " if not back else "        ") + "raise FellOff(blk)")
        return "\n".join(out) + "\n"


class FellOff(Exception):
    pass


def compile_program(insns: list[Insn], env: RunEnv, imm64: dict[int, int],
                    ctx_loads: set[int] | None) -> tuple[Callable[[int], int], str]:
    """Translate ``insns`` into a Python function ``run(r1) -> r0`` bound to ``env``."""
    src = _source(insns, imm64, ctx_loads)
    mem = env.mem
    helpers = make_helpers(env)

    def ldw(a: int) -> int:
        r = a >> 32
        if r == REGION_CTX:
            o = a & M32
            if o in (OFF_DATA, OFF_DATA_META):
                return PKT_BASE
            if o == OFF_DATA_END:
                return PKT_BASE + len(mem[REGION_PKT])  # type: ignore[arg-type]
        return _LD4(mem[r], a & M32)[0]

    def ldabs(off: int, size: int) -> int:
        pkt = mem[REGION_PKT]
        off &= M32
        if off > 0x7FFFFFFF or off + size > len(pkt):  # type: ignore[arg-type]
            raise AbsExit
        return int.from_bytes(pkt[off : off + size], "big")  # type: ignore[index]

    def atomic(size: int) -> Callable[[int, int, int, int], int]:
        mask = (1 << (8 * size)) - 1
        ld, st = _LDS[size], _STS[size]

        def op(a: int, imm: int, val: int, r0: int) -> int:
            buf, o = mem[a >> 32], a & M32
            old = ld(buf, o)[0]
            base = imm & ~I.BPF_FETCH
            if imm == I.BPF_CMPXCHG:
                if old == r0 & mask:
                    st(buf, o, val & mask)
                return old
            if imm == I.BPF_XCHG:
                new = val
            elif base == I.BPF_ADD:
                new = old + val
            elif base == I.BPF_OR:
                new = old | val
            elif base == I.BPF_AND:
                new = old & val
            elif base == I.BPF_XOR:
                new = old ^ val
            else:
                raise BpfRuntimeError(f"unknown atomic op {imm:#x}")
            st(buf, o, new & mask)
            return old
        return op

    ns: dict[str, object] = {
        "M": M64, "M32": M32, "FP": FP, "PKT_BASE": PKT_BASE, "mem": mem,
        "ctxb": mem[REGION_CTX], "ldw": ldw, "LDABS": ldabs, "FellOff": FellOff,
        "BSWAP16": bswap(2), "BSWAP32": bswap(4), "BSWAP64": bswap(8),
        "ATOMIC4": atomic(4), "ATOMIC8": atomic(8),
    }
    for size in (2, 4, 8):
        ns[f"LD{size}"] = _LDS[size]
        ns[f"ST{size}"] = _STS[size]
    for hid, fn in helpers.items():
        ns[f"H{hid}"] = fn
    for hid in {ins.imm for ins in insns if ins.code == I.BPF_JMP | I.BPF_CALL}:
        if f"H{hid}" not in ns:
            ns[f"H{hid}"] = _unknown_helper(hid)
    exec(_code(src), ns)
    return ns["run"], src  # type: ignore[return-value]


_LOCK = threading.Lock()  # the explorer's Dask workers may be threads of one process
_CODE: dict[str, object] = {}
_CODE_MAX = 256
_SOURCE: dict[tuple[object, ...], str] = {}


def _source(insns: list[Insn], imm64: dict[int, int], ctx_loads: set[int] | None) -> str:
    """The generated source of a program, remembered like its code object (:func:`_code`):
    it depends only on the instructions, the 64-bit immediates and the context loads."""
    from hwsim.bpf.elf import LOAD_CACHE

    if not LOAD_CACHE:
        return _Gen(insns, imm64, ctx_loads).generate()
    key = (tuple(insns), tuple(sorted(imm64.items())),
           None if ctx_loads is None else frozenset(ctx_loads))
    src = _SOURCE.get(key)
    if src is None:
        src = _Gen(insns, imm64, ctx_loads).generate()
        with _LOCK:
            if len(_SOURCE) >= _CODE_MAX:
                _SOURCE.pop(next(iter(_SOURCE)))
            _SOURCE[key] = src
    return src


def _code(src: str) -> object:
    """The compiled code object of a generated source: a program loaded again (the same
    object on every ``tc filter add``) reuses it; only ``exec`` binds it to its own
    maps and helpers."""
    from hwsim.bpf.elf import LOAD_CACHE

    code = _CODE.get(src) if LOAD_CACHE else None
    if code is None:
        code = compile(src, "<bpf>", "exec")
        with _LOCK:
            if len(_CODE) >= _CODE_MAX:
                _CODE.pop(next(iter(_CODE)))
            _CODE[src] = code
    return code


def _unknown_helper(hid: int) -> Callable[..., int]:
    def h(*_: int) -> int:
        raise BpfRuntimeError(f"helper {hid} is not implemented")
    return h


_LDS = {s: struct.Struct("<" + _FMT[s]).unpack_from for s in (1, 2, 4, 8)}
_STS = {s: struct.Struct("<" + _FMT[s]).pack_into for s in (1, 2, 4, 8)}
_LD4 = _LDS[4]
