"""ALU and JMP semantics against the kernel, with hypothesis-generated operands."""

from __future__ import annotations

import struct

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.skb import SkBuff
from hwsim import kbpf
from hwsim.bpf import ProgramTable
from hwsim.bpf import insn as I
from hwsim.bpf.insn import Insn, encode
from tests.bpf.asm import exit_, ld_imm64, mov64_imm, mov64_reg, stx

pytestmark = pytest.mark.kernel

ALU_OPS = [I.BPF_ADD, I.BPF_SUB, I.BPF_MUL, I.BPF_DIV, I.BPF_OR, I.BPF_AND, I.BPF_LSH,
           I.BPF_RSH, I.BPF_NEG, I.BPF_MOD, I.BPF_XOR, I.BPF_MOV, I.BPF_ARSH]
JMP_OPS = [I.BPF_JEQ, I.BPF_JGT, I.BPF_JGE, I.BPF_JSET, I.BPF_JNE, I.BPF_JSGT, I.BPF_JSGE,
           I.BPF_JLT, I.BPF_JLE, I.BPF_JSLT, I.BPF_JSLE]
u64 = st.one_of(st.integers(0, (1 << 64) - 1), st.sampled_from(
    [0, 1, 2, 31, 32, 63, 64, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 1 << 63, (1 << 64) - 1]))


def _run_both(insns: list[Insn]) -> tuple[tuple[int, int], tuple[int, int]]:
    """Run on both sides; result = (retval, mark) where mark holds r0's high half."""
    raw = encode(insns)
    ours = ProgramTable().load_insns(raw, verify_prog=False)
    skb = SkBuff.from_bytes(bytes(64))
    rv = ours.run(skb)
    fd, _ = kbpf.prog_load(raw, log_level=0)
    with fd:
        kr = kbpf.prog_test_run(fd, bytes(64), ctx=bytes(192))
    return (rv, skb.mark), (kr.retval, struct.unpack_from("<I", kr.ctx, 8)[0])


def _epilogue() -> list[Insn]:
    # mark = r0 >> 32 (so both halves of the 64-bit result are compared)
    return [mov64_reg(2, 0), Insn(I.BPF_ALU64 | I.BPF_RSH | I.BPF_K, 2, 0, 0, 32),
            stx(I.BPF_W, 6, 2, 8), exit_()]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(op=st.sampled_from(ALU_OPS), wide=st.booleans(), a=u64, b=u64)
def test_alu_matches_kernel(kernel, op, wide, a, b):
    cls = I.BPF_ALU64 if wide else I.BPF_ALU
    if op == I.BPF_NEG:
        alu = Insn(cls | op | I.BPF_K, 0, 0, 0, 0)
    else:
        alu = Insn(cls | op | I.BPF_X, 0, 1, 0, 0)
    insns = [mov64_reg(6, 1), *ld_imm64(0, a), *ld_imm64(1, b), alu, *_epilogue()]
    ours, theirs = _run_both(insns)
    assert ours == theirs


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(op=st.sampled_from(JMP_OPS), wide=st.booleans(), a=u64, b=u64)
def test_jumps_match_kernel(kernel, op, wide, a, b):
    cls = I.BPF_JMP if wide else I.BPF_JMP32
    insns = [mov64_reg(6, 1), *ld_imm64(2, a), *ld_imm64(3, b), mov64_imm(0, 1),
             Insn(cls | op | I.BPF_X, 2, 3, 1, 0), mov64_imm(0, 2), exit_()]
    ours, theirs = _run_both(insns)
    assert ours[0] == theirs[0]


@settings(max_examples=100, deadline=None)
@given(size=st.sampled_from([16, 32, 64]), be=st.booleans(), a=u64)
def test_byteswap_matches_kernel(kernel, size, be, a):
    src = I.BPF_TO_BE if be else I.BPF_TO_LE
    insns = [mov64_reg(6, 1), *ld_imm64(0, a), Insn(I.BPF_ALU | I.BPF_END | src, 0, 0, 0, size),
             *_epilogue()]
    ours, theirs = _run_both(insns)
    assert ours == theirs
