"""eBPF instruction encoding: ``struct bpf_insn`` and the opcode fields.

Constants follow include/uapi/linux/bpf.h and bpf_common.h. Decoding is done once per load;
the engine and the verifier work on the decoded tuple list.
"""

from __future__ import annotations

import struct

import attrs

# instruction classes
BPF_LD, BPF_LDX, BPF_ST, BPF_STX, BPF_ALU, BPF_JMP, BPF_JMP32, BPF_ALU64 = range(8)
# size
BPF_W, BPF_H, BPF_B, BPF_DW = 0x00, 0x08, 0x10, 0x18
SIZE_BYTES = {BPF_W: 4, BPF_H: 2, BPF_B: 1, BPF_DW: 8}
# mode
BPF_IMM, BPF_ABS, BPF_IND, BPF_MEM, BPF_ATOMIC = 0x00, 0x20, 0x40, 0x60, 0xC0
# source
BPF_K, BPF_X = 0x00, 0x08
# alu ops
BPF_ADD, BPF_SUB, BPF_MUL, BPF_DIV, BPF_OR, BPF_AND, BPF_LSH, BPF_RSH = (
    0x00, 0x10, 0x20, 0x30, 0x40, 0x50, 0x60, 0x70)
BPF_NEG, BPF_MOD, BPF_XOR, BPF_MOV, BPF_ARSH, BPF_END = 0x80, 0x90, 0xA0, 0xB0, 0xC0, 0xD0
BPF_TO_LE, BPF_TO_BE = 0x00, 0x08
# jmp ops
BPF_JA, BPF_JEQ, BPF_JGT, BPF_JGE, BPF_JSET, BPF_JNE, BPF_JSGT, BPF_JSGE = (
    0x00, 0x10, 0x20, 0x30, 0x40, 0x50, 0x60, 0x70)
BPF_CALL, BPF_EXIT, BPF_JLT, BPF_JLE, BPF_JSLT, BPF_JSLE = 0x80, 0x90, 0xA0, 0xB0, 0xC0, 0xD0
# atomics (imm of BPF_STX | BPF_ATOMIC)
BPF_FETCH = 0x01
BPF_XCHG = 0xE0 | BPF_FETCH
BPF_CMPXCHG = 0xF0 | BPF_FETCH
# pseudo src_reg values
BPF_PSEUDO_MAP_FD = 1
BPF_PSEUDO_MAP_VALUE = 2
BPF_PSEUDO_CALL = 1

LD_IMM64 = BPF_LD | BPF_IMM | BPF_DW
MAX_BPF_REG = 11
BPF_REG_FP = 10
MAX_BPF_STACK = 512

_INSN = struct.Struct("<BBhi")


def bpf_class(code: int) -> int:
    return code & 0x07


def bpf_op(code: int) -> int:
    return code & 0xF0


def bpf_src(code: int) -> int:
    return code & 0x08


def bpf_size(code: int) -> int:
    return code & 0x18


def bpf_mode(code: int) -> int:
    return code & 0xE0


@attrs.frozen
class Insn:
    """One ``struct bpf_insn``: 8-bit code, 4-bit dst/src registers, s16 off, s32 imm."""

    code: int
    dst: int = 0
    src: int = 0
    off: int = 0
    imm: int = 0

    def encode(self) -> bytes:
        return _INSN.pack(self.code, (self.src << 4) | self.dst, self.off, self.imm)


def decode(raw: bytes) -> list[Insn]:
    """Split raw bytes (a multiple of 8) into instructions."""
    if len(raw) % 8:
        raise ValueError(f"program size {len(raw)} is not a multiple of 8")
    out = []
    for code, regs, off, imm in _INSN.iter_unpack(raw):
        out.append(Insn(code, regs & 0x0F, regs >> 4, off, imm))
    return out


def encode(insns: list[Insn]) -> bytes:
    return b"".join(i.encode() for i in insns)
