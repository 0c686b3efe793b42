"""Verifier: kernel-style rejections, and agreement with the host kernel's verifier."""

from __future__ import annotations

import errno

import pytest

from hwsim import kbpf
from hwsim.bpf import BpfLoadError, ProgramTable, read_object
from hwsim.bpf import insn as I
from hwsim.bpf.insn import Insn, encode
from hwsim.bpf.kernel import load_in_kernel
from hwsim.bpf.maps import BPF_MAP_TYPE_HASH
from tests.bpf.asm import (
    alu64_imm,
    call,
    exit_,
    jmp_imm,
    jmp_reg,
    ld_map_fd,
    ldx,
    mov64_imm,
    mov64_reg,
    st,
)

W, B, DW = I.BPF_W, I.BPF_B, I.BPF_DW
MAP = -1  # placeholder fd, replaced per side


def _lookup_prologue() -> list[Insn]:
    return [st(W, 10, -4, 0), mov64_reg(2, 10), alu64_imm(I.BPF_ADD, 2, -4),
            *ld_map_fd(1, MAP), call(1)]


# name -> (insns, expected message fragment, license)
INVALID: dict[str, tuple[list[Insn], str]] = {
    "r0_uninit_at_exit": ([exit_()], "R0 !read_ok"),
    "read_uninit_reg": ([mov64_reg(0, 2), exit_()], "R2 !read_ok"),
    "truncated_ld_imm64": ([mov64_imm(0, 0), Insn(I.LD_IMM64, 1, 0, 0, 5)],
                           "invalid BPF_LD_IMM insn"),
    "jump_out_of_range": ([mov64_imm(0, 0), jmp_imm(I.BPF_JEQ, 0, 0, 17), exit_()],
                          "jump out of range from insn 1 to 19"),
    "unreachable": ([mov64_imm(0, 0), exit_(), mov64_imm(0, 1), exit_()], "unreachable insn 2"),
    "falls_off_end": ([mov64_imm(0, 0)], "last insn is not an exit or jmp"),
    "stack_out_of_bounds": ([st(DW, 10, -520, 0), mov64_imm(0, 0), exit_()],
                            "invalid write to stack R10 off=-520 size=8"),
    "stack_positive_off": ([st(W, 10, 0, 1), mov64_imm(0, 0), exit_()],
                           "invalid write to stack R10 off=0 size=4"),
    "ctx_bad_offset": ([ldx(W, 0, 1, 200), exit_()], "invalid bpf_context access off=200"),
    "ctx_write_readonly": ([st(W, 1, 0, 1), mov64_imm(0, 0), exit_()],
                           "invalid bpf_context access off=0 size=4"),
    "ctx_modified_ptr": ([alu64_imm(I.BPF_ADD, 1, 8), ldx(W, 0, 1, 0), exit_()],
                         "dereference of modified ctx ptr R1 off=8 disallowed"),
    "pkt_unchecked": ([ldx(W, 2, 1, 76), ldx(B, 0, 2, 0), exit_()],
                      "invalid access to packet, off=0 size=1, R2(id=0,off=0,r=0)"),
    "pkt_past_check": ([ldx(W, 2, 1, 76), ldx(W, 3, 1, 80), mov64_reg(4, 2),
                        alu64_imm(I.BPF_ADD, 4, 14), mov64_imm(0, 0),
                        jmp_reg(I.BPF_JGT, 4, 3, 1), ldx(B, 0, 2, 14), exit_()],
                       "invalid access to packet, off=14 size=1, R2(id=0,off=0,r=14)"),
    "pkt_end_arith": ([ldx(W, 3, 1, 80), alu64_imm(I.BPF_ADD, 3, 1), mov64_imm(0, 0), exit_()],
                      "R3 pointer arithmetic on pkt_end prohibited"),
    "map_value_no_null_check": ([*_lookup_prologue(), ldx(DW, 0, 0, 0), exit_()],
                                "R0 invalid mem access 'map_value_or_null'"),
    "map_value_oob": ([*_lookup_prologue(), jmp_imm(I.BPF_JEQ, 0, 0, 1), ldx(DW, 0, 0, 8),
                       exit_()], "invalid access to map value, value_size=8 off=8 size=8"),
    "scalar_deref": ([mov64_imm(0, 0), ldx(W, 0, 0, 0), exit_()],
                     "R0 invalid mem access 'scalar'"),
    "unknown_helper_id": ([call(9999), exit_()], "invalid func unknown#9999"),
    "helper_not_allowed": ([call(4), exit_()], "unknown func"),
    "div_by_zero_const": ([mov64_imm(0, 1), alu64_imm(I.BPF_DIV, 0, 0), exit_()], "div by zero"),
    "invalid_shift": ([mov64_imm(0, 1), alu64_imm(I.BPF_LSH, 0, 64), exit_()], "invalid shift 64"),
    "write_fp": ([mov64_imm(10, 0), mov64_imm(0, 0), exit_()], "frame pointer is read only"),
    "unknown_opcode": ([Insn(0xFF), exit_()], "unknown opcode ff"),
    "reg_above_r10_dst": ([mov64_imm(12, 0), exit_()], "R12 is invalid"),
    "reg_above_r10_src": ([mov64_reg(0, 12), exit_()], "R12 is invalid"),
    "reg_above_r10_ldx": ([ldx(W, 0, 15, 0), exit_()], "R15 is invalid"),
    "helper_arg_type": ([mov64_imm(1, 0), mov64_imm(2, 0), call(1), exit_()],
                        "R1 type=scalar expected=map_ptr"),
    # the kernel (>= 5.3) accepts this bounded loop; we reject back-edges on purpose
    "bounded_loop": ([mov64_imm(0, 0), alu64_imm(I.BPF_ADD, 0, 1),
                      jmp_imm(I.BPF_JLT, 0, 10, -2), exit_()], "back-edge from insn 2 to 1"),
}
KNOWN_DISAGREEMENTS = {"bounded_loop"}


def _with_fd(insns: list[Insn], fd: int) -> bytes:
    return encode([Insn(i.code, i.dst, i.src, i.off, fd) if i.code == I.LD_IMM64 and
                   i.imm == MAP else i for i in insns])


def _ours(insns: list[Insn], license: str = "GPL") -> BpfLoadError | None:
    table = ProgramTable()
    fd = table.create_map(BPF_MAP_TYPE_HASH, 4, 8, 16)
    try:
        table.load_insns(_with_fd(insns, fd), license=license)
    except BpfLoadError as e:
        return e
    return None


@pytest.mark.parametrize("name", sorted(INVALID))
def test_rejects_with_kernel_message(name):
    insns, msg = INVALID[name]
    err = _ours(insns)
    assert err is not None, f"{name} was accepted"
    assert msg in err.message, err.log
    assert err.errno in (errno.EACCES, errno.EINVAL)
    assert msg in err.log


def test_uninit_stack_read_needs_privilege():
    insns = encode([ldx(DW, 0, 10, -8), exit_()])
    ProgramTable().load_insns(insns)  # root: env->allow_uninit_stack
    with pytest.raises(BpfLoadError, match="invalid read from stack off -8"):
        ProgramTable().load_insns(insns, privileged=False)


def test_gpl_only_helper_needs_gpl():
    insns = [st(DW, 10, -8, 0x6948), mov64_reg(1, 10), alu64_imm(I.BPF_ADD, 1, -8),
             mov64_imm(2, 8), call(6), mov64_imm(0, 0), exit_()]
    assert _ours(insns, "GPL") is None
    err = _ours(insns, "MIT")
    assert err is not None and "GPL-restricted" in err.message


def test_verbose_log_lists_instructions():
    table = ProgramTable()
    prog = table.load_insns(encode([mov64_imm(0, 0), jmp_imm(I.BPF_JEQ, 1, 0, 1),
                                    mov64_imm(0, 2), exit_()]), log_level=2)
    log = prog.verifier_log
    assert "0: (b7) r0 = 0" in log
    assert "1: (15) if r1 == 0x0 goto pc+1" in log
    assert "from 1 to 3:" in log
    assert "3: (95) exit" in log
    assert log.rstrip().splitlines()[-1].startswith("processed ")


def test_pruning_bounds_path_explosion():
    # 30 independent diamonds: 2^30 paths without state pruning
    body: list[Insn] = [mov64_imm(0, 0)]
    for _ in range(30):
        body += [jmp_imm(I.BPF_JEQ, 1, 0, 1), mov64_imm(2, 1), mov64_imm(2, 0)]
    body.append(exit_())
    prog = ProgramTable().load_insns(encode(body))
    assert prog.insn_cnt == len(body)


@pytest.mark.kernel
def test_agreement_with_kernel_verifier(corpus, kernel, capsys):
    agree = total = 0
    disagreements = []
    for name, (insns, _msg) in sorted(INVALID.items()):
        with kbpf.map_create(BPF_MAP_TYPE_HASH, 4, 8, 16) as mfd:
            try:
                fd, _ = kbpf.prog_load(_with_fd(insns, mfd.fd), log_level=1)
                fd.close()
                kernel_ok = True
            except kbpf.KernelBpfError:
                kernel_ok = False
        ours_ok = _ours(insns) is None
        total += 1
        if ours_ok == kernel_ok:
            agree += 1
        else:
            disagreements.append(name)
    for name, path in corpus.items():
        obj = read_object(path)
        for spec in obj.programs:
            total += 1
            try:
                ProgramTable().load_spec(obj, spec, prog_type=3, offload_ifindex=None)
                ours_ok = True
            except BpfLoadError:
                ours_ok = False
            try:
                load_in_kernel(obj, spec).close()
                kernel_ok = True
            except kbpf.KernelBpfError:
                kernel_ok = False
            if ours_ok == kernel_ok:
                agree += 1
            else:
                disagreements.append(f"{name}/{spec.section}")
    with capsys.disabled():
        print(f"\nverifier agreement with host kernel: {agree}/{total} "
              f"({100 * agree / total:.1f}%); disagreements: {disagreements}")
    assert set(disagreements) <= KNOWN_DISAGREEMENTS
