"""Loading: ELF objects, tags, names, sections, maps, classic bytecode, errors."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from core.prog import Program
from core.skb import SkBuff
from hwsim.bpf import BpfLoadError, ProgramTable, calc_tag, read_object
from hwsim.bpf import insn as I
from hwsim.bpf.insn import encode
from hwsim.bpf.maps import BPF_MAP_TYPE_ARRAY, BPF_MAP_TYPE_HASH, BPF_MAP_TYPE_PROG_ARRAY
from hwsim.bpf.tag import SHA256, tag_algo_for_release
from tests.bpf.asm import alu64_imm, call, exit_, ld_imm64, ld_map_fd, mov64_imm, mov64_reg, stx
from tests.bpf.conftest import SHARED_PROGS
from tests.bpf.packets import PACKETS

TRIVIAL = encode([mov64_imm(0, 0), exit_()])


def test_trivial_program_tag_matches_linux_6_1():
    assert calc_tag(TRIVIAL).hex() == "a04f5eef06a7f555"


def test_tag_algorithm_switches_at_6_18():
    assert tag_algo_for_release("6.1.0-18-amd64") == "sha1"
    assert tag_algo_for_release("6.18.44-fc") == SHA256
    assert calc_tag(TRIVIAL, SHA256).hex() == "59f4a931744dcdc6"


def test_map_fd_immediates_do_not_change_the_tag():
    a = encode([*ld_map_fd(1, 1000), mov64_imm(0, 0), exit_()])
    b = encode([*ld_map_fd(1, 7), mov64_imm(0, 0), exit_()])
    assert calc_tag(a) == calc_tag(b)


@pytest.mark.skipif(not SHARED_PROGS.is_dir(), reason="shared conformance objects missing")
def test_shared_objects_identity():
    table = ProgramTable()
    p1 = table.load_object(SHARED_PROGS / "tc_pass.o")
    p2 = table.load_object(SHARED_PROGS / "tc_classid.o", "tc")
    assert (p1.id, p2.id) == (1, 2)
    assert p1.tag.hex() == "a04f5eef06a7f555"
    assert p2.tag.hex() == "46e38e7275c789c7"
    assert (p1.name, p2.name) == ("tc_pass", "tc_classid")
    assert isinstance(p1, Program) and not p1.is_classic and p1.insn_cnt == 2
    skb = SkBuff.from_bytes(PACKETS["v4_udp53"])
    assert p2.run(skb) == 0 and skb.tc_classid == 0x10002
    assert p2.run(SkBuff.from_bytes(PACKETS["v6_udp5353"])) == 2


def test_ids_are_per_table_and_offload_binding():
    a, b = ProgramTable(), ProgramTable()
    assert a.load_insns(TRIVIAL).id == 1
    assert a.load_insns(TRIVIAL).id == 2
    bound = b.load_insns(TRIVIAL, offload_ifindex=7)
    assert bound.id == 1 and bound.offload_ifindex == 7


def test_sections_and_long_names(corpus):
    obj = read_object(corpus["multi_sec"])
    assert [p.section for p in obj.programs] == ["classifier", "action", "tc/ingress"]
    table = ProgramTable()
    assert table.load_object(obj).run(SkBuff.from_bytes(bytes(60))) == 1
    assert table.load_object(obj, prog_type=4).run(SkBuff.from_bytes(bytes(60))) == 2
    long = table.load_object(obj, "tc/ingress")
    assert long.name == "a_very_long_fun" and len(long.name) == 15
    with pytest.raises(BpfLoadError) as ei:
        table.load_object(obj, "nope")
    assert ei.value.errno == errno.ENOENT and "nope" in ei.value.message


def test_maps_from_btf_legacy_and_data_sections(corpus):
    h = read_object(corpus["hash_count"]).maps["counts"]
    assert (h.map_type, h.key_size, h.value_size, h.max_entries) == (BPF_MAP_TYPE_HASH, 4, 8, 64)
    leg = read_object(corpus["legacy_map"]).maps["legacy"]
    assert (leg.map_type, leg.key_size, leg.value_size, leg.max_entries) == (
        BPF_MAP_TYPE_ARRAY, 4, 8, 2)
    ro = read_object(corpus["rodata_cfg"]).maps[".rodata"]
    assert ro.readonly and ro.initial == (90).to_bytes(4, "little")
    assert read_object(corpus["tail_call"]).maps["jt"].map_type == BPF_MAP_TYPE_PROG_ARRAY


def test_rodata_global_drives_behaviour(corpus):
    prog = ProgramTable().load_object(corpus["rodata_cfg"])
    assert prog.run(SkBuff.from_bytes(bytes(100))) == 2  # len 100 > threshold 90: shot
    assert prog.run(SkBuff.from_bytes(bytes(60))) == 1  # hits was bumped once


def test_tail_call_runs_target(corpus):
    table = ProgramTable()
    caller = table.load_object(corpus["tail_call"])
    target = table.load_object(corpus["drop_all"])
    caller.maps["jt"].progs[60 & 3] = target
    assert caller.run(SkBuff.from_bytes(bytes(60))) == 2
    assert caller.run(SkBuff.from_bytes(bytes(61))) == 42


def test_trace_printk_goes_to_log():
    fmt = int.from_bytes(b"hi %d\0\0\0", "little")
    insns = [*ld_imm64(3, fmt), stx(I.BPF_DW, 10, 3, -8), mov64_reg(1, 10),
             alu64_imm(I.BPF_ADD, 1, -8), mov64_imm(2, 8), mov64_imm(3, 42), call(6),
             mov64_imm(0, 0), exit_()]
    prog = ProgramTable().load_insns(encode(insns))
    prog.run(SkBuff.from_bytes(bytes(60)))
    assert prog.env.printk == ["hi 42"]


@pytest.mark.parametrize("content", [b"", b"not an elf at all", b"\x7fELF\x02\x01\x01"])
def test_bad_elf_is_a_clean_error(tmp_path: Path, content: bytes):
    f = tmp_path / "bad.o"
    f.write_bytes(content)
    with pytest.raises(BpfLoadError, match="Cannot initialize ELF context!"):
        read_object(f)


def test_missing_file():
    with pytest.raises(BpfLoadError, match="Cannot initialize ELF context!") as ei:
        read_object("/nonexistent/prog.o")
    assert ei.value.errno == errno.ENOENT


def test_bpf_to_bpf_call_is_refused_by_name(tmp_path: Path):
    import subprocess

    src = tmp_path / "sub.c"
    src.write_text('#include "common.h"\nstatic __attribute__((noinline)) int f(int x)'
                   '{ return x * 3; }\nSEC("classifier") int g(struct __sk_buff *s)'
                   '{ return f(s->len); }\n')
    out = tmp_path / "sub.o"
    from tests.bpf.conftest import CORPUS, _include_flags

    subprocess.run(["clang", "-O2", "-g", "-target", "bpf", *_include_flags(),
                    f"-I{CORPUS}", "-c", str(src), "-o", str(out)], check=True)
    with pytest.raises(BpfLoadError, match=r"section classifier at insn \d+ against \.text"):
        read_object(out)


class TestClassic:
    def test_tc_bytecode_roundtrip_and_run(self):
        prog = ProgramTable().load_bytecode("4,40 0 0 12,21 0 1 2048,6 0 0 262144,6 0 0 0,")
        assert prog.id == 0 and prog.is_classic and prog.insn_cnt == 4
        assert prog.ops[1] == (21, 0, 1, 2048)
        assert prog.bytecode == "4,40 0 0 12,21 0 1 2048,6 0 0 262144,6 0 0 0"
        assert prog.run(SkBuff.from_bytes(PACKETS["v4_udp53"])) == 262144
        assert prog.run(SkBuff.from_bytes(PACKETS["v6_udp5353"])) == 0
        assert isinstance(prog, Program)

    @pytest.mark.parametrize(("text", "msg"), [
        ("2,6 0 0 0", "Parsed program length is less than encoded length parameter!"),
        ("1,6 0 0 0,6 0 0 0", "Real program length exceeds encoded length parameter!"),
        ("1,6 0 x 0", "Error at instruction 0!"),
    ])
    def test_tc_parse_errors(self, text, msg):
        with pytest.raises(BpfLoadError, match=msg) as ei:
            ProgramTable().load_bytecode(text)
        assert ei.value.errno == errno.EINVAL

    @pytest.mark.parametrize("text", ["1,21 0 0 0", "2,21 5 0 0,6 0 0 0", "1,2 0 0 99"])
    def test_kernel_checks(self, text):
        with pytest.raises(BpfLoadError):
            ProgramTable().load_bytecode(text)

    def test_out_of_bounds_load_returns_zero(self):
        prog = ProgramTable().load_bytecode("2,32 0 0 1000,6 0 0 7")
        assert prog.run(SkBuff.from_bytes(bytes(60))) == 0

    def test_bytecode_file(self, tmp_path):
        f = tmp_path / "ops"
        f.write_text("2,\n6 0 0 5\n6 0 0 0\n")
        assert ProgramTable().load_bytecode_file(f).run(SkBuff.from_bytes(bytes(20))) == 5


def test_offload_ifindex_default_none():
    assert ProgramTable().load_insns(TRIVIAL).offload_ifindex is None
