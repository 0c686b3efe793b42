"""The 6.1 verifier log and libbpf's debug lines, against the real kernel's text.

The expected text is taken from the recorded transcripts (conformance/expected and
conformance/shared/expected, Linux 6.1 + netdevsim + iproute2 6.1), never from this code.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from hwsim.bpf import insn as I
from hwsim.bpf import verifier_log as V
from hwsim.bpf.elf import read_object
from hwsim.bpf.libbpf_log import line_info, open_debug_lines

from .conftest import SHARED_PROGS

ROOT = Path(__file__).resolve().parents[2]
RECORDED = [ROOT / "conformance/expected/c27-verifier-knobs.json",
            ROOT / "conformance/shared/expected/p04-netdevsim-files.json"]
HELLO = "[netdevsim] Hello from netdevsim!"
needs_progs = pytest.mark.skipif(not (SHARED_PROGS / "tc_pass.o").exists(),
                                 reason="conformance programs could not be built")


def _recorded_logs() -> list[tuple[str, str, list[str]]]:
    """(file, command, log lines) for every recorded load whose kernel log has insns."""
    out = []
    for f in RECORDED:
        for e in json.loads(f.read_text()):
            m = re.search(r"-- BEGIN PROG LOAD LOG --\n(.*?)-- END PROG LOAD LOG --",
                          e["stderr"], re.S)
            if m and HELLO in m.group(1):
                out.append((f.name, e["cmd"], m.group(1).rstrip("\n").split("\n")))
    return out


LOGS = _recorded_logs()


def _walk(obj: Path, section: str, *, reject: bool = True) -> V.Trace | None:
    spec = read_object(obj).program(section)
    insns = I.decode(spec.insns)
    last = len(insns) - 1
    hook = (lambda idx: ([HELLO], -95) if idx == last else ([], 0)) if reject else None
    return V.trace(insns, line_info(str(obj), section, spec.func, len(insns)), hook)


def test_the_recordings_hold_logs() -> None:
    assert len(LOGS) == 2  # c27 (plain load, libbpf's retry) and p04 (verbose)


@needs_progs
@pytest.mark.parametrize("case", LOGS, ids=[f"{f}:{c.split()[-1]}" for f, c, _ in LOGS])
def test_tc_pass_log_is_the_kernels(case: tuple[str, str, list[str]]) -> None:
    _f, cmd, want = case
    assert "tc_pass.o sec classifier" in cmd
    walk = _walk(SHARED_PROGS / "tc_pass.o", "classifier")
    assert walk is not None
    assert [*walk.lines, walk.processed_line()] == want


def test_alignment_of_the_state_suffix() -> None:
    """The recorded ``0: (b7) r0 = 0      ; R0_w=0``: ';' where vlog_alignment() puts it."""
    line = next(x for _f, _c, log in LOGS for x in log if x.startswith("0: (b7)"))
    insn_part, _, _ = line.partition(";")
    text = insn_part.rstrip()
    assert len(insn_part) == len(text) + V.vlog_alignment(len(text) + 1)


@needs_progs
def test_libbpf_debug_prelude_is_libbpfs() -> None:
    entry = next(e for e in json.loads(RECORDED[1].read_text())
                 if e["cmd"].endswith(" verbose"))
    recorded = entry["stderr"].split("\n")
    end = next(i for i, x in enumerate(recorded) if "BPF program load failed" in x)
    shown = "$PROGS/tc_pass.o"
    mine = [f"libbpf: {x}" for x in open_debug_lines(str(SHARED_PROGS / "tc_pass.o"), shown)]
    btf = re.compile(r"(section\(\d+\) \.BTF(?:\.ext)?, size )\d+")
    assert [btf.sub(r"\1N", x) for x in mine] == [btf.sub(r"\1N", x) for x in recorded[:end]]


@needs_progs
@pytest.mark.parametrize(("obj", "section"), [
    (SHARED_PROGS / "tc_classid.o", "tc"),
    (ROOT / "offload/progs/tc_drop_udp9.o", "classifier"),
    (ROOT / "offload/progs/tc_pass.o", "classifier"),
])
def test_branching_programs_are_walked(obj: Path, section: str) -> None:
    """Programs beyond tc_pass have no recorded log; check the shape the kernel's has:
    the initial state, every instruction of the path up to the last one in order, the
    driver's line right after the last instruction."""
    walk = _walk(obj, section)
    assert walk is not None
    assert walk.lines[0] == "0: R1=ctx(off=0,imm=0) R10=fp0"
    insn_lines = [x for x in walk.lines if re.match(r"\d+: \(", x)]
    idx = [int(x.split(":")[0]) for x in insn_lines]
    assert idx == sorted(idx) and idx[-1] == len(I.decode(read_object(obj).program(
        section).insns)) - 1
    assert walk.lines[-1] == HELLO and walk.processed == len(idx)
    for x in insn_lines[:-1]:
        if ";" in x:
            assert x.index(";") >= V.BPF_LOG_ALIGNMENT - 2


def test_unsupported_programs_give_none() -> None:
    """A helper call is outside the exact subset: the caller keeps its approximate log."""
    insns = [I.Insn(0x85, 0, 0, 0, 5), I.Insn(0xB7, 0, 0, 0, 0), I.Insn(0x95, 0, 0, 0, 0)]
    assert V.trace(insns) is None


def test_kernel_disassembler_prints_jump_immediates_unsigned() -> None:
    """``if %c%d %s 0x%x``: the immediate is printed as a u32."""
    text = V.kernel_insn_text(I.Insn(0x15, 1, 0, 2, -1))
    assert text == "(15) if r1 == 0xffffffff goto pc+2"
