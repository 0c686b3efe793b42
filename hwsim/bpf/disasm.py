"""Kernel-style instruction text, as ``print_bpf_insn()`` (kernel/bpf/disasm.c) prints it."""

from __future__ import annotations

from hwsim.bpf import insn as I
from hwsim.bpf.helpers import PROTOS

_ALU = {I.BPF_ADD: "+=", I.BPF_SUB: "-=", I.BPF_MUL: "*=", I.BPF_DIV: "/=", I.BPF_OR: "|=",
        I.BPF_AND: "&=", I.BPF_LSH: "<<=", I.BPF_RSH: ">>=", I.BPF_MOD: "%=",
        I.BPF_XOR: "^=", I.BPF_MOV: "=", I.BPF_ARSH: "s>>="}
_JMP = {I.BPF_JEQ: "==", I.BPF_JNE: "!=", I.BPF_JGT: ">", I.BPF_JGE: ">=", I.BPF_JLT: "<",
        I.BPF_JLE: "<=", I.BPF_JSGT: "s>", I.BPF_JSGE: "s>=", I.BPF_JSLT: "s<",
        I.BPF_JSLE: "s<=", I.BPF_JSET: "&"}
_SZ = {I.BPF_W: "u32", I.BPF_H: "u16", I.BPF_B: "u8", I.BPF_DW: "u64"}
_ATOMIC = {I.BPF_ADD: "+=", I.BPF_AND: "&=", I.BPF_OR: "|=", I.BPF_XOR: "^="}


def insn_text(ins: I.Insn, hi_imm: int = 0) -> str:
    """``(code) text`` for one instruction (``hi_imm``: the second half of ``ld_imm64``)."""
    return f"({ins.code:02x}) {_text(ins, hi_imm)}"


def _text(ins: I.Insn, hi_imm: int) -> str:
    cls, op, code = I.bpf_class(ins.code), I.bpf_op(ins.code), ins.code
    d, s = ins.dst, ins.src
    if cls in (I.BPF_ALU, I.BPF_ALU64):
        p = "r" if cls == I.BPF_ALU64 else "w"
        if op == I.BPF_END:
            kind = "be" if I.bpf_src(code) == I.BPF_TO_BE else "le"
            return f"r{d} = {kind}{ins.imm} r{d}"
        if op == I.BPF_NEG:
            return f"{p}{d} = -{p}{d}"
        sym = _ALU.get(op, "?")
        rhs = f"{p}{s}" if I.bpf_src(code) == I.BPF_X else str(ins.imm)
        return f"{p}{d} {sym} {rhs}"
    if cls == I.BPF_LDX:
        return f"r{d} = *({_SZ[I.bpf_size(code)]} *)(r{s} {ins.off:+d})"
    if cls == I.BPF_ST:
        return f"*({_SZ[I.bpf_size(code)]} *)(r{d} {ins.off:+d}) = {ins.imm}"
    if cls == I.BPF_STX:
        sz = _SZ[I.bpf_size(code)]
        if I.bpf_mode(code) == I.BPF_ATOMIC:
            if ins.imm == I.BPF_XCHG:
                return f"r{s} = atomic{'64' if sz == 'u64' else ''}_xchg(({sz} *)(r{d} " \
                       f"{ins.off:+d}), r{s})"
            if ins.imm == I.BPF_CMPXCHG:
                return f"r0 = atomic{'64' if sz == 'u64' else ''}_cmpxchg(({sz} *)(r{d} " \
                       f"{ins.off:+d}), r0, r{s})"
            sym = _ATOMIC.get(ins.imm & ~I.BPF_FETCH, "?")
            return f"lock *({sz} *)(r{d} {ins.off:+d}) {sym} r{s}"
        return f"*({sz} *)(r{d} {ins.off:+d}) = r{s}"
    if cls == I.BPF_LD:
        if code == I.LD_IMM64:
            if s == I.BPF_PSEUDO_MAP_FD:
                return f"r{d} = map[id:{ins.imm}]"
            if s == I.BPF_PSEUDO_MAP_VALUE:
                return f"r{d} = map[id:{ins.imm}][0]+{hi_imm}"
            return f"r{d} = {((hi_imm & 0xFFFFFFFF) << 32) | (ins.imm & 0xFFFFFFFF):#x}"
        sz = _SZ[I.bpf_size(code)]
        if I.bpf_mode(code) == I.BPF_ABS:
            return f"r0 = *({sz} *)skb[{ins.imm}]"
        return f"r0 = *({sz} *)skb[r{s} + {ins.imm}]"
    if op == I.BPF_EXIT:
        return "exit"
    if op == I.BPF_CALL:
        if s == I.BPF_PSEUDO_CALL:
            return f"call pc{ins.imm:+d}"
        proto = PROTOS.get(ins.imm)
        return f"call {'bpf_' + proto.name if proto else 'unknown'}#{ins.imm}"
    if op == I.BPF_JA:
        return f"goto pc{ins.off:+d}"
    p = "r" if cls == I.BPF_JMP else "w"
    rhs = f"{p}{s}" if I.bpf_src(code) == I.BPF_X else f"{ins.imm:#x}"
    return f"if {p}{d} {_JMP.get(op, '?')} {rhs} goto pc{ins.off:+d}"
