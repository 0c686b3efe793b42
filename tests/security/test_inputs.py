"""Inputs that used to give ``offload: internal error`` or hurt the machine (issue 11), on
the emulator: each one is now the tool's own kind of error, and changes nothing."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from hwsim.bpf import BpfLoadError, ProgramTable
from hwsim.bpf.classic import BYTECODE_FILE_MAX
from offload.runner import INTERNAL_ERROR_RC, EmulatorBackend
from offload.script import ScriptError, load_script, parse_line, parse_script, split_lines
from tests.bpf.asm import exit_, mov64_imm, mov64_reg
from tests.progs import conformance_progs

ROOT = Path(__file__).resolve().parents[2]
SETUP = ["ip link add vethA type veth peer name vethB", "tc qdisc add dev vethA ingress"]


def run(lines: list[str], env: dict[str, str] | None = None) -> list:  # type: ignore[type-arg]
    return EmulatorBackend().run(parse_script(SETUP + lines, env or {}))[len(SETUP):]


@pytest.fixture(scope="module")
def progs() -> Path:
    p = conformance_progs()
    if p is None:
        pytest.skip("clang cannot build the conformance programs here")
    return p


def test_bpftool_pin_errors_are_bpftool_errors(progs: Path) -> None:
    obj = progs / "tc_pass.o"
    es = run([f"bpftool prog load {obj} ./x",
              f"bpftool prog load {obj} /sys/fs/bpf/p",
              f"bpftool prog load {obj} /sys/fs/bpf/p",
              f"bpftool prog load {obj} /sys/fs/bpf/../../../var/p",
              f"bpftool prog load {obj} /sys/fs/bpf/x/../../../p",
              "bpftool prog show"])
    assert [e.rc for e in es] == [255, 0, 255, 255, 255, 0]
    assert es[0].stderr == "Error: can't pin the object (./x): not on bpffs\n"
    # prog.c do_load(): bpf_obj_pin() failing is "failed to pin program SECTION"
    # with bpftool's strict-mode warning after it (recorded: conformance/rig-needs r04)
    assert es[2].stderr.startswith("Error: failed to pin program classifier\nWarning: "
                                   "bpftool is now running in libbpf strict mode")
    assert es[3].stderr == ("Error: can't pin the object (/sys/fs/bpf/../../../var/p): "
                            "not on bpffs\n")
    # nothing half-applied: only the program pinned by the one successful load is left
    assert es[5].stdout.count("name tc_pass") == 1


@pytest.mark.parametrize("content", [b"", b"x", b"\xd4\xc3\xb2\xa1" + b"\0" * 10])
def test_send_of_a_short_pcap_is_a_clear_error(tmp_path: Path, content: bytes) -> None:
    f = tmp_path / "short.pcap"
    f.write_bytes(content)
    [e] = run([f"send vethA pcap {f}"])
    assert e.rc == 1
    assert e.stderr.startswith(f"offload: send: {f}: not a pcap file ({len(content)} bytes")


@pytest.mark.parametrize("path", ["/dev/null", "/dev/zero", "FIFO", "DIR"])
def test_send_refuses_what_is_not_a_regular_file(tmp_path: Path, path: str) -> None:
    if path == "FIFO":
        path = str(tmp_path / "fifo")
        os.mkfifo(path)
    elif path == "DIR":
        path = str(tmp_path)
    [e] = run([f"send vethA pcap {path}"])
    assert e.rc == 1 and e.stderr.startswith(f"offload: send: {path}: "), e


@pytest.mark.parametrize("insns,reg", [([mov64_imm(12, 0), exit_()], 12),
                                       ([mov64_imm(0, 0), mov64_reg(0, 12), exit_()], 12),
                                       ([mov64_reg(15, 0), exit_()], 15)])
def test_register_above_r10_is_invalid(insns: list, reg: int) -> None:  # type: ignore[type-arg]
    """kernel/bpf/verifier.c check_reg_arg(): ``regno >= MAX_BPF_REG`` -> "R%d is invalid",
    -EINVAL (the verifier agreement test in tests/bpf compares with the host kernel)."""
    from hwsim.bpf.insn import encode

    with pytest.raises(BpfLoadError) as exc:
        ProgramTable().load_insns(encode(insns))
    assert exc.value.errno == errno.EINVAL
    assert f"R{reg} is invalid" in exc.value.log


def test_register_above_r10_in_an_object(progs: Path, tmp_path: Path) -> None:
    data = bytearray((progs / "tc_pass.o").read_bytes())
    i = data.index(bytes.fromhex("b700000000000000"))  # r0 = 0
    data[i + 1] = 0x0C  # r12 = 0
    bad = tmp_path / "r12.o"
    bad.write_bytes(data)
    es = run([f"tc filter add dev vethA ingress bpf obj {bad} sec classifier da",
              f"bpftool prog load {bad} /sys/fs/bpf/r12", "tc filter show dev vethA ingress"])
    assert [e.rc for e in es] == [1, 255, 0]
    assert all("R12 is invalid" in e.stderr for e in es[:2])
    assert es[2].stdout == ""


def test_bytecode_file_is_read_like_iproute2(tmp_path: Path) -> None:
    """iproute2 reads at most its buffer (room for BPF_MAXINSNS ops) from a bytecode file,
    and ``/dev/zero``, a FIFO or a folder are refused instead of read for ever or blocking."""
    from offload.tc.f_bpf import read_bytecode_file

    f = tmp_path / "long.bc"
    f.write_text("1,6 0 0 0\n" + "7" * (2 * BYTECODE_FILE_MAX))
    text, err = read_bytecode_file(str(f))
    assert err == "" and text is not None and len(text) == BYTECODE_FILE_MAX
    assert text.startswith("1,6 0 0 0,777")
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    script = tmp_path / "s.sh"
    script.write_text("\n".join([*SETUP, f"tc filter add dev vethA ingress bpf bytecode-file {f}",
                                 "tc filter add dev vethA ingress bpf bytecode-file /dev/zero",
                                 f"tc filter add dev vethA ingress bpf bytecode-file {fifo}",
                                 f"tc filter add dev vethA ingress bpf bytecode-file {tmp_path}",
                                 f"tc filter add dev vethA ingress bpf obj {fifo}",
                                 f"bpftool prog load {fifo} /sys/fs/bpf/f",
                                 f"send vethA pcap {fifo}"]) + "\n")
    # a FIFO would block for ever: the subprocess's timeout turns that into a failure
    p = subprocess.run([sys.executable, "-m", "offload.cli", "run", "--json", str(script)],
                       capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert p.returncode == 0, p.stderr
    import json

    es = json.loads(p.stdout)[len(SETUP):]
    assert [e["rc"] for e in es][1:] == [1, 1, 1, 1, 255, 1]
    assert all(e["rc"] != INTERNAL_ERROR_RC for e in es)
    assert es[1]["stderr"].startswith("Cannot fopen: ")
    assert es[2]["stderr"].startswith("Cannot fopen: ")


def test_a_huge_object_is_refused_by_its_instruction_count(tmp_path: Path) -> None:
    """BPF_COMPLEXITY_LIMIT_INSNS (1M) is checked in bpf_prog_load() before anything reads
    the instructions: E2BIG for 1M + 1."""
    if shutil.which("clang") is None:
        pytest.skip("clang is needed to assemble a 1M-instruction object")
    n = 1_000_001
    src = tmp_path / "big.s"
    src.write_text('\t.section\tclassifier,"ax",@progbits\n\t.globl\tprog\n'
                   "\t.type\tprog,@function\nprog:\n" + "\tr0 = 0\n" * (n - 1) + "\texit\n"
                   '\t.section\tlicense,"aw",@progbits\n\t.asciz "GPL"\n')
    obj = tmp_path / "big.o"
    subprocess.run(["clang", "-target", "bpf", "-c", str(src), "-o", str(obj)], check=True)
    es = run([f"tc filter add dev vethA ingress bpf obj {obj} sec classifier da",
              f"bpftool prog load {obj} /sys/fs/bpf/big"])
    assert [e.rc for e in es] == [1, 255]
    assert all(f"invalid program length {n}" in e.stderr for e in es)
    with pytest.raises(BpfLoadError) as exc:
        ProgramTable().load_insns(b"\0" * 8 * n)
    assert exc.value.errno == errno.E2BIG


ODD = ["\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]


@pytest.mark.parametrize("ch", ODD)
def test_script_lines_split_on_newline_only(tmp_path: Path, ch: str) -> None:
    """A line with \\v, \\f, \\x1c-\\x1e, U+0085, U+2028/9 inside stays one line: the error
    of a bad line names the line the file has, and both lexer paths agree on the words."""
    f = tmp_path / "s.sh"
    f.write_text(f"tc qdisc show{ch}dev vethA\n'unbalanced\n", encoding="utf-8")
    with pytest.raises(ScriptError, match="line 2:"):
        load_script(str(f), {})
    assert len(split_lines(f.read_text(encoding="utf-8"))) == 2
    fast = parse_line(f"tc qdisc{ch}show dev vethA")
    slow = parse_line(f"tc 'qdisc'{ch}show dev vethA")
    assert fast is not None and slow is not None
    assert fast.argv == slow.argv == ("tc", f"qdisc{ch}show", "dev", "vethA")


def test_no_internal_error_on_any_reproducer(progs: Path, tmp_path: Path) -> None:
    """All of the above in one script, through the command line: exit 0, no status 70."""
    script = tmp_path / "all.sh"
    script.write_text("\n".join([*SETUP, f"bpftool prog load {progs}/tc_pass.o ./x",
                                 "send vethA pcap /dev/null",
                                 "tc filter add dev vethA ingress bpf bytecode-file /dev/zero",
                                 ]) + "\n")
    p = subprocess.run([sys.executable, "-m", "offload.cli", "run", str(script)],
                       capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert p.returncode == 0 and "internal error" not in p.stdout, p.stdout

