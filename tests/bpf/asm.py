"""A tiny assembler for hand-written test programs (the kernel's BPF_* insn macros)."""

from __future__ import annotations

from hwsim.bpf import insn as I
from hwsim.bpf.insn import Insn


def mov64_imm(d: int, imm: int) -> Insn:
    return Insn(I.BPF_ALU64 | I.BPF_MOV | I.BPF_K, d, 0, 0, imm)


def mov64_reg(d: int, s: int) -> Insn:
    return Insn(I.BPF_ALU64 | I.BPF_MOV | I.BPF_X, d, s)


def alu64_imm(op: int, d: int, imm: int) -> Insn:
    return Insn(I.BPF_ALU64 | op | I.BPF_K, d, 0, 0, imm)


def alu64_reg(op: int, d: int, s: int) -> Insn:
    return Insn(I.BPF_ALU64 | op | I.BPF_X, d, s)


def alu32_imm(op: int, d: int, imm: int) -> Insn:
    return Insn(I.BPF_ALU | op | I.BPF_K, d, 0, 0, imm)


def alu32_reg(op: int, d: int, s: int) -> Insn:
    return Insn(I.BPF_ALU | op | I.BPF_X, d, s)


def ldx(size: int, d: int, s: int, off: int) -> Insn:
    return Insn(I.BPF_LDX | I.BPF_MEM | size, d, s, off)


def stx(size: int, d: int, s: int, off: int) -> Insn:
    return Insn(I.BPF_STX | I.BPF_MEM | size, d, s, off)


def st(size: int, d: int, off: int, imm: int) -> Insn:
    return Insn(I.BPF_ST | I.BPF_MEM | size, d, 0, off, imm)


def jmp_imm(op: int, d: int, imm: int, off: int) -> Insn:
    return Insn(I.BPF_JMP | op | I.BPF_K, d, 0, off, imm)


def jmp_reg(op: int, d: int, s: int, off: int) -> Insn:
    return Insn(I.BPF_JMP | op | I.BPF_X, d, s, off)


def ld_map_fd(d: int, fd: int) -> list[Insn]:
    return [Insn(I.LD_IMM64, d, I.BPF_PSEUDO_MAP_FD, 0, fd), Insn(0)]


def ld_imm64(d: int, v: int) -> list[Insn]:
    lo, hi = v & 0xFFFFFFFF, (v >> 32) & 0xFFFFFFFF
    s = lambda x: x - (1 << 32) if x >> 31 else x  # noqa: E731
    return [Insn(I.LD_IMM64, d, 0, 0, s(lo)), Insn(0, 0, 0, 0, s(hi))]


def call(hid: int) -> Insn:
    return Insn(I.BPF_JMP | I.BPF_CALL, 0, 0, 0, hid)


def exit_() -> Insn:
    return Insn(I.BPF_JMP | I.BPF_EXIT)
