"""The compiled core (hwsim.bpf.cengine) against the Python engine and the kernel.

Everything the Python engine is proven on must give identical results on the C core:
every corpus program x packet (return value, whole skb after write-back, maps), random
ALU/JMP/stack programs from hypothesis, bad memory accesses (an error, never a crash),
tail calls across engines, and the fallback when the core cannot be built.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.skb import SkBuff
from hwsim.bpf import BpfLoadError, BpfRuntimeError, ProgramTable, cengine, read_object
from hwsim.bpf import insn as I
from hwsim.bpf.insn import Insn, encode
from tests.bpf.asm import (
    alu64_imm,
    call,
    exit_,
    jmp_imm,
    ld_imm64,
    ld_map_fd,
    ldx,
    mov64_imm,
    mov64_reg,
    stx,
)
from tests.bpf.asm import (
    st as st_imm,
)
from tests.bpf.packets import PACKETS, ctx_in, ctx_out_fields, skb_like_test_run

REPO = Path(__file__).resolve().parents[2]

needs_c = pytest.mark.skipif(not cengine.available(),
                             reason=f"C core unavailable: {cengine.unavailable_reason()}")


def _programs(corpus):
    for name, path in corpus.items():
        obj = read_object(path)
        for spec in obj.programs:
            yield name, obj, spec


def _skb_state(skb: SkBuff) -> tuple:
    """Every field of the skb, the packet bytes included."""
    return tuple(bytes(v) if isinstance(v, bytearray) else
                 (tuple(v) if isinstance(v, list) else v)
                 for v in attrs.astuple(skb, recurse=False))


def _map_state(prog) -> dict[str, list[tuple[bytes, bytes | None]]]:
    return {name: [(k, m.lookup(k)) for k in m.keys()]  # noqa: SIM118 - Map.keys()
            for name, m in sorted(prog.maps.items()) if m.map_type != 3}


def test_core_builds_where_gcc_exists():
    if shutil.which("gcc") is None and shutil.which("cc") is None:
        pytest.skip("no C compiler")
    assert cengine.available(), cengine.unavailable_reason()
    assert cengine.unavailable_reason() is None


@needs_c
def test_auto_picks_c_for_every_corpus_program(corpus):
    table = ProgramTable()
    engines = {f"{n}/{s.section}": table.load_spec(o, s, prog_type=3, offload_ifindex=None)
               .engine for n, o, s in _programs(corpus)}
    assert set(engines.values()) == {"c"}, engines


@needs_c
def test_corpus_identical_on_both_engines(corpus, capsys):
    """Every corpus program x packet: return value, the whole skb, the maps."""
    tables = {e: ProgramTable(engine=e) for e in ("python", "c")}
    runs = 0
    for name, obj, spec in _programs(corpus):
        progs = {e: t.load_spec(obj, spec, prog_type=3, offload_ifindex=None)
                 for e, t in tables.items()}
        assert progs["c"].engine == "c" and progs["python"].engine == "python"
        for pname, frame in PACKETS.items():
            out = {}
            for e, prog in progs.items():
                skb = skb_like_test_run(frame)
                rv = prog.run(skb)
                out[e] = (rv, _skb_state(skb))
            assert out["c"] == out["python"], f"{name}/{spec.section} on {pname}"
            runs += 1
        if name != "helpers_misc":  # ktime/prandom values differ run to run
            assert _map_state(progs["c"]) == _map_state(progs["python"]), name
    with capsys.disabled():
        print(f"\nC core vs Python engine: {runs} corpus runs identical")
    assert runs >= 29 * len(PACKETS)


@needs_c
@pytest.mark.kernel
def test_c_core_matches_kernel(corpus, kernel):
    """The differential corpus against BPF_PROG_TEST_RUN with the C core forced."""
    from hwsim import kbpf
    from hwsim.bpf.kernel import load_in_kernel
    from hwsim.bpf.tag import tag_algo_for_release

    table = ProgramTable(engine="c", tag_algo=tag_algo_for_release(os.uname().release))
    failures = []
    total = 0
    for name, obj, spec in _programs(corpus):
        ours = table.load_spec(obj, spec, prog_type=3, offload_ifindex=None)
        assert ours.engine == "c"
        with load_in_kernel(obj, spec) as kp:
            for pname, frame in PACKETS.items():
                skb = skb_like_test_run(frame)
                rv = ours.run(skb)
                kr = kbpf.prog_test_run(kp.fd, frame, ctx=ctx_in())
                total += 1
                got = (rv, bytes(skb.data), (skb.mark, skb.priority, tuple(skb.cb)))
                want = (kr.retval, kr.data, ctx_out_fields(kr.ctx))
                if got != want:
                    failures.append(f"{name}/{spec.section} on {pname}: {got} != {want}")
    assert total >= 29 * len(PACKETS)
    assert not failures, "\n".join(failures[:10])


# --- random programs: C core vs Python engine ------------------------------------------

ALU_OPS = [I.BPF_ADD, I.BPF_SUB, I.BPF_MUL, I.BPF_DIV, I.BPF_OR, I.BPF_AND, I.BPF_LSH,
           I.BPF_RSH, I.BPF_NEG, I.BPF_MOD, I.BPF_XOR, I.BPF_MOV, I.BPF_ARSH]
JMP_OPS = [I.BPF_JEQ, I.BPF_JGT, I.BPF_JGE, I.BPF_JSET, I.BPF_JNE, I.BPF_JSGT, I.BPF_JSGE,
           I.BPF_JLT, I.BPF_JLE, I.BPF_JSLT, I.BPF_JSLE]
SIZES = [I.BPF_B, I.BPF_H, I.BPF_W, I.BPF_DW]
u64 = st.one_of(st.integers(0, (1 << 64) - 1), st.sampled_from(
    [0, 1, 2, 31, 32, 63, 64, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 1 << 63, (1 << 64) - 1]))
s32 = st.one_of(st.integers(-(1 << 31), (1 << 31) - 1),
                st.sampled_from([0, 1, -1, 31, 32, 63, 64, -(1 << 31), (1 << 31) - 1]))
reg = st.integers(0, 5)

alu = st.builds(
    lambda wide, op, x, d, s, imm: Insn((I.BPF_ALU64 if wide else I.BPF_ALU) | op |
                                        (I.BPF_X if x and op != I.BPF_NEG else I.BPF_K),
                                        d, s if x else 0, 0, 0 if op == I.BPF_NEG else imm),
    st.booleans(), st.sampled_from(ALU_OPS), st.booleans(), reg, reg, s32)
swap = st.builds(lambda be, d, bits: Insn(I.BPF_ALU | I.BPF_END | (I.BPF_TO_BE if be else 0),
                                          d, 0, 0, bits),
                 st.booleans(), reg, st.sampled_from([16, 32, 64]))
store = st.builds(lambda size, s, slot: stx(size, 10, s, -8 * slot), st.sampled_from(SIZES),
                  reg, st.integers(1, 8))
store_imm = st.builds(lambda size, imm, slot: st_imm(size, 10, -8 * slot, imm),
                      st.sampled_from(SIZES), s32, st.integers(1, 8))
load = st.builds(lambda size, d, slot: ldx(size, d, 10, -8 * slot), st.sampled_from(SIZES),
                 reg, st.integers(1, 8))
atomic = st.builds(lambda dw, imm, s, slot: Insn(I.BPF_STX | I.BPF_ATOMIC |
                                                 (I.BPF_DW if dw else I.BPF_W), 10, s,
                                                 -8 * slot, imm),
                   st.booleans(), st.sampled_from([0x00, 0x01, 0x40, 0x41, 0x50, 0x51, 0xA0,
                                                   0xA1, I.BPF_XCHG, I.BPF_CMPXCHG]),
                   reg, st.integers(1, 8))
# a conditional jump: (wide, op, x, d, s, imm, skip) -- the skip is clamped when assembled
jump = st.tuples(st.booleans(), st.sampled_from(JMP_OPS), st.booleans(), reg, reg, s32,
                 st.integers(0, 6))
body_item = st.one_of(alu, alu, alu, swap, store, store_imm, load, atomic, jump)


def _assemble(inits: list[int], body: list) -> list[Insn]:
    """r6 = ctx; r0..r5 = inits; a zeroed stack; body; cb[i] = r(i+1), mark = r0 >> 32."""
    pro = [mov64_reg(6, 1)]
    for r, v in enumerate(inits):
        pro += ld_imm64(r, v)
    pro += [st_imm(I.BPF_DW, 10, -8 * k, 0) for k in range(1, 9)]
    insns: list[Insn] = []
    for i, item in enumerate(body):
        if isinstance(item, tuple):
            wide, op, x, d, s, imm, skip = item
            skip = min(skip, len(body) - i - 1)
            code = (I.BPF_JMP if wide else I.BPF_JMP32) | op | (I.BPF_X if x else I.BPF_K)
            insns.append(Insn(code, d, s if x else 0, skip, 0 if x else imm))
        else:
            insns.append(item)
    epi = [stx(I.BPF_W, 6, r, 48 + 4 * (r - 1)) for r in range(1, 6)]
    epi += [mov64_reg(7, 0), alu64_imm(I.BPF_RSH, 7, 32), stx(I.BPF_W, 6, 7, 8), exit_()]
    return pro + insns + epi


def _run_engine(engine: str, insns: list[Insn]) -> tuple:
    prog = ProgramTable(engine=engine).load_insns(encode(insns), verify_prog=False)
    assert prog.engine == engine
    skb = SkBuff.from_bytes(bytes(64))
    try:
        rv = prog.run(skb)
    except BpfRuntimeError as e:
        return ("error", type(e.__cause__).__name__)
    return rv, _skb_state(skb), bytes(prog.env.mem[1])


@needs_c
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(inits=st.lists(u64, min_size=6, max_size=6), body=st.lists(body_item, max_size=24))
def test_random_programs_match_python_engine(inits, body):
    insns = _assemble(inits, body)
    assert _run_engine("c", insns) == _run_engine("python", insns)


@needs_c
@settings(max_examples=400, deadline=None)
@given(op=st.sampled_from(ALU_OPS), wide=st.booleans(), x=st.booleans(), a=u64, b=u64,
       imm=s32)
def test_every_alu_op_matches_python_engine(op, wide, x, a, b, imm):
    """One ALU instruction, register or immediate operand, on edge-heavy values."""
    cls = I.BPF_ALU64 if wide else I.BPF_ALU
    if op == I.BPF_NEG:
        ins = Insn(cls | op | I.BPF_K, 0)
    elif x:
        ins = Insn(cls | op | I.BPF_X, 0, 1)
    else:
        ins = Insn(cls | op | I.BPF_K, 0, 0, 0, imm)
    insns = _assemble([a, b, 0, 0, 0, 0], [ins])
    assert _run_engine("c", insns) == _run_engine("python", insns)


@needs_c
@settings(max_examples=400, deadline=None)
@given(op=st.sampled_from(JMP_OPS), wide=st.booleans(), x=st.booleans(), a=u64, b=u64,
       imm=s32)
def test_every_jump_matches_python_engine(op, wide, x, a, b, imm):
    """One conditional jump, register or immediate operand: the branch taken decides r0."""
    cls = I.BPF_JMP if wide else I.BPF_JMP32
    jmp = Insn(cls | op | I.BPF_X, 2, 3, 1) if x else Insn(cls | op | I.BPF_K, 2, 0, 1, imm)
    insns = [*ld_imm64(2, a), *ld_imm64(3, b), mov64_imm(0, 1), jmp, mov64_imm(0, 2),
             exit_()]
    assert _run_engine("c", insns) == _run_engine("python", insns)


# --- safety: bad accesses of unverified programs end in an error, never a crash -------

BAD = {
    "ctx past end": [ldx(I.BPF_W, 0, 1, 4096), exit_()],
    "ctx huge offset": [ldx(I.BPF_DW, 0, 1, 190), exit_()],
    "null store": [mov64_imm(2, 0), stx(I.BPF_DW, 2, 2, 0), mov64_imm(0, 0), exit_()],
    "stack above fp": [ldx(I.BPF_DW, 0, 10, 0), exit_()],
    "stack below": [st_imm(I.BPF_DW, 10, -520, 1), mov64_imm(0, 0), exit_()],
    "wild pointer": [*ld_imm64(2, 0x0000_0063_0000_0000), ldx(I.BPF_B, 0, 2, 0), exit_()],
    "all ones": [*ld_imm64(2, (1 << 64) - 1), ldx(I.BPF_B, 0, 2, 1), exit_()],
    "packet past end": [ldx(I.BPF_W, 2, 1, 76), ldx(I.BPF_DW, 0, 2, 60), exit_()],
    "packet negative": [ldx(I.BPF_W, 2, 1, 76), ldx(I.BPF_B, 0, 2, -1), exit_()],
    "helper bad key": [mov64_imm(2, 0), *ld_map_fd(1, 1000), call(1), exit_()],
    "map value past end": [st_imm(I.BPF_W, 10, -4, 3), mov64_reg(2, 10),
                           alu64_imm(I.BPF_ADD, 2, -4), *ld_map_fd(1, 1000), call(1),
                           ldx(I.BPF_DW, 0, 0, 8), exit_()],
    "fell off": [mov64_imm(0, 1)],
}


@needs_c
@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_access_is_an_error_on_both_engines(case):
    errors = {}
    for engine in ("python", "c"):
        table = ProgramTable(engine=engine)
        table.create_map(2, 4, 8, 4)  # fd 1000: array of 4 x u64
        prog = table.load_insns(encode(BAD[case]), verify_prog=False)
        assert prog.engine == engine
        with pytest.raises(Exception) as ei:  # the type is compared across engines
            prog.run(SkBuff.from_bytes(bytes(60)))
        errors[engine] = type(ei.value)
    assert errors["c"] == errors["python"]


@needs_c
def test_array_map_helpers_in_c_share_the_map_with_python():
    table = ProgramTable(engine="c")
    fd = table.create_map(2, 4, 8, 4)
    # key = 2; v = lookup; if v: *v += 5 (atomic); return update(key 3 <- 7, flags r4)
    insns = [st_imm(I.BPF_W, 10, -4, 2), mov64_reg(2, 10), alu64_imm(I.BPF_ADD, 2, -4),
             *ld_map_fd(1, fd), call(1), jmp_imm(I.BPF_JEQ, 0, 0, 2), mov64_imm(1, 5),
             Insn(I.BPF_STX | I.BPF_ATOMIC | I.BPF_DW, 0, 1, 0, I.BPF_ADD),
             st_imm(I.BPF_W, 10, -4, 3), st_imm(I.BPF_DW, 10, -16, 7), mov64_reg(2, 10),
             alu64_imm(I.BPF_ADD, 2, -4), mov64_reg(3, 10), alu64_imm(I.BPF_ADD, 3, -16),
             mov64_imm(4, 0), *ld_map_fd(1, fd), call(2), exit_()]
    prog = table.load_insns(encode(insns), verify_prog=False)
    m = table.map_fds[fd]
    assert m.update((2).to_bytes(4, "little"), (10).to_bytes(8, "little")) == 0
    assert prog.run(SkBuff.from_bytes(bytes(60))) == 0
    assert m.lookup((2).to_bytes(4, "little")) == (15).to_bytes(8, "little")
    assert m.lookup((3).to_bytes(4, "little")) == (7).to_bytes(8, "little")


@needs_c
def test_tail_calls_cross_engines(corpus):
    table = ProgramTable(engine="c")
    caller = table.load_object(corpus["tail_call"])
    target = ProgramTable(engine="python").load_object(corpus["set_mark"])
    drop = table.load_object(corpus["drop_all"])
    caller.maps["jt"].progs[60 & 3] = target
    caller.maps["jt"].progs[61 & 3] = drop
    ref = target.run(SkBuff.from_bytes(bytes(60)))
    skb = SkBuff.from_bytes(bytes(60))
    assert caller.run(skb) == ref
    assert caller.run(SkBuff.from_bytes(bytes(61))) == 2
    assert caller.run(SkBuff.from_bytes(bytes(62))) == 42


@needs_c
def test_run_repeat_mirrors_test_run(corpus):
    frame = PACKETS["v4_tcp80_syn"]
    for stem in ("pass", "ipv4_tcp_parse", "hash_count", "tail_call"):
        prog = ProgramTable(engine="c").load_object(corpus[stem])
        ref = ProgramTable(engine="python").load_object(corpus[stem])
        rv, ns = cengine.run_repeat(prog, frame, 1000)
        assert ns > 0
        want = 0
        for _ in range(1000):  # maps carry state from run to run, as in the kernel
            want = ref.run(SkBuff.from_bytes(frame, ifindex=1))
        assert rv == want, stem


def test_engine_choice_and_refusal():
    atomic_sub = [mov64_reg(2, 10), Insn(I.BPF_STX | I.BPF_ATOMIC | I.BPF_DW, 2, 0, -8, 0x10),
                  mov64_imm(0, 0), exit_()]
    raw = encode(atomic_sub)
    assert ProgramTable(engine="auto").load_insns(raw, verify_prog=False).engine == "python"
    with pytest.raises(BpfLoadError):
        ProgramTable(engine="c").load_insns(raw, verify_prog=False)
    assert ProgramTable(engine="python").load_insns(encode([mov64_imm(0, 3), exit_()])
                                                    ).engine == "python"
    assert cengine.unsupported([mov64_imm(0, 0), exit_()]) is None
    assert "opcode" in (cengine.unsupported([Insn(0xFF), exit_()]) or "")
    with pytest.raises(ValueError):
        ProgramTable(engine="jit")


_FALLBACK = """
from core.skb import SkBuff
from hwsim.bpf import ProgramTable, cengine
from hwsim.bpf.insn import Insn, encode
r = cengine.unavailable_reason()
assert r and not cengine.available(), r
p = ProgramTable().load_insns(encode([Insn(0xb7, 0, 0, 0, 7), Insn(0x95)]))
assert p.engine == "python" and p.run(SkBuff.from_bytes(bytes(60))) == 7
print(r)
"""


@pytest.mark.parametrize("env", [{"OFFLOAD_CENGINE": "0"},
                                 {"OFFLOAD_CENGINE_CACHE": "/dev/null/cengine"}])
def test_unavailable_core_falls_back_to_python(env):
    proc = subprocess.run([sys.executable, "-c", _FALLBACK], cwd=REPO, text=True,
                          capture_output=True, env={**os.environ, **env}, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip()


# --- hash maps: the C key index (Map.cindex) against the Python dict index -----------

def _hash_op_insns(fd: int, op: str, key: int, arg: int) -> list[Insn]:
    """``update`` (value ``arg >> 2``, flags ``arg & 3``), ``delete``, or ``lookup``
    (adds 1 to the value in place through the returned pointer; returns the value's
    offset in the map + 1, so value addresses are compared too, or 0 when missing)."""
    key_at = [st_imm(I.BPF_W, 10, -4, key), mov64_reg(2, 10), alu64_imm(I.BPF_ADD, 2, -4),
              *ld_map_fd(1, fd)]
    if op == "update":
        return [st_imm(I.BPF_DW, 10, -16, arg >> 2), *key_at, mov64_reg(3, 10),
                alu64_imm(I.BPF_ADD, 3, -16), mov64_imm(4, arg & 3), call(2), exit_()]
    if op == "delete":
        return [*key_at, call(3), exit_()]
    return [*key_at, call(1), jmp_imm(I.BPF_JEQ, 0, 0, 4), mov64_imm(1, 1),
            Insn(I.BPF_STX | I.BPF_ATOMIC | I.BPF_DW, 0, 1, 0, I.BPF_ADD),
            alu64_imm(I.BPF_AND, 0, 0xFFFF), alu64_imm(I.BPF_ADD, 0, 1), exit_()]


def _hash_state(m) -> list[tuple[bytes, int | None, bytes | None]]:
    return [(k, m.slot(k), m.lookup(k)) for k in m.keys()]  # noqa: SIM118 - Map.keys()


@needs_c
@pytest.mark.parametrize("map_type", [1, 5])  # HASH, PERCPU_HASH (one CPU)
def test_hash_map_c_index_matches_python_index(map_type):
    """A random mix of program and control-plane updates (all flags, a full map: E2BIG),
    deletes (ENOENT) and lookups that write through the value pointer: the C core on the
    C index, the Python engine on the C index and the Python engine on the dict index
    return the same values and leave the same keys, slots, values and key order."""
    import random

    from hwsim.bpf.maps import Map

    setups = {"c/cindex": ("c", True), "py/cindex": ("python", True),
              "py/dict": ("python", False)}
    tables, maps, progs = {}, {}, {}
    for label, (engine, c_index) in setups.items():
        t = tables[label] = ProgramTable(engine=engine)
        fd = t.create_map(map_type, 4, 8, 6)
        t.map_fds[fd] = maps[label] = Map("h", map_type, 4, 8, 6, c_index=c_index)
        progs[label] = (t, fd)
    assert maps["c/cindex"].cindex is not None and maps["py/dict"].cindex is None
    cache: dict[tuple, object] = {}
    rng = random.Random(1234)
    seen_rv: set[int] = set()
    for step in range(600):
        op = rng.choice(["update", "update", "delete", "lookup", "py_update", "py_delete"])
        key, arg = rng.randrange(10), rng.randrange(4 * 50)  # flags 3: EINVAL
        out = {}
        for label, (t, fd) in progs.items():
            m = maps[label]
            kb = key.to_bytes(4, "little")
            if op == "py_update":
                out[label] = m.update(kb, (arg >> 2).to_bytes(8, "little"), arg & 3)
            elif op == "py_delete":
                out[label] = m.delete(kb)
            else:
                prog = cache.get((label, op, key, arg))
                if prog is None:
                    prog = cache[label, op, key, arg] = t.load_insns(
                        encode(_hash_op_insns(fd, op, key, arg)), verify_prog=False)
                    assert prog.engine == setups[label][0]
                out[label] = prog.run(SkBuff.from_bytes(bytes(60)))
        assert len(set(out.values())) == 1, (step, op, key, arg, out)
        seen_rv.add(next(iter(out.values())) & 0xFFFFFFFF)
        states = {label: _hash_state(m) for label, m in maps.items()}
        assert states["c/cindex"] == states["py/dict"] == states["py/cindex"], step
    errnos = {(-e) & 0xFFFFFFFF for e in (7, 17, 2, 22)}  # E2BIG EEXIST ENOENT EINVAL
    assert errnos <= seen_rv, seen_rv


@needs_c
def test_hash_map_python_reads_see_program_writes(corpus):
    """hash_count on the C core: the program's in-place increments are what Python reads,
    and a control-plane update is what the next run's lookup finds."""
    prog = ProgramTable(engine="c").load_object(corpus["hash_count"])
    m = prog.maps["counts"]
    assert m.cindex is not None
    frame = PACKETS["v4_tcp80_syn"]
    assert prog.run(SkBuff.from_bytes(frame, ifindex=1)) == 100
    (key,) = m.keys()
    for n in range(2, 6):
        assert prog.run(SkBuff.from_bytes(frame, ifindex=1)) == n
        assert m.lookup(key) == n.to_bytes(8, "little")
    assert m.update(key, (41).to_bytes(8, "little"), 2) == 0
    assert prog.run(SkBuff.from_bytes(frame, ifindex=1)) == 42
    assert cengine.run_repeat(prog, frame, 1000)[0] == 1042
    assert m.lookup(key) == (1042).to_bytes(8, "little")
    assert m.delete(key) == 0 and m.keys() == []
    assert prog.run(SkBuff.from_bytes(frame, ifindex=1)) == 100


@needs_c
def test_hash_map_full_and_flags_from_c():
    """max_entries reached: E2BIG for a new key, an existing key still updates; freed
    slots are reused (last freed first, as the Python index)."""
    table = ProgramTable(engine="c")
    fd = table.create_map(1, 4, 8, 2)
    m = table.map_fds[fd]

    def run(op, key, arg=0):
        p = table.load_insns(encode(_hash_op_insns(fd, op, key, arg)), verify_prog=False)
        assert p.engine == "c"
        rv = p.run(SkBuff.from_bytes(bytes(60)))
        return rv - (1 << 32) if rv >> 31 else rv

    assert run("update", 1, 5 << 2 | 1) == 0          # NOEXIST, new
    assert run("update", 1, 6 << 2 | 1) == -17        # NOEXIST, exists: EEXIST
    assert run("update", 2, 7 << 2 | 2) == -2         # EXIST, missing: ENOENT
    assert run("update", 2, 7 << 2) == 0
    assert run("update", 3, 8 << 2) == -7             # full: E2BIG
    assert run("update", 2, 9 << 2 | 2) == 0          # full, but exists
    assert run("update", 2, 9 << 2 | 3) == -22        # bad flags: EINVAL
    assert run("delete", 3) == -2
    assert run("lookup", 2) == 8 + 1                  # slot 1
    assert m.lookup((2).to_bytes(4, "little")) == (10).to_bytes(8, "little")
    assert run("delete", 1) == 0
    assert run("update", 3, 8 << 2) == 0
    assert run("lookup", 3) == 0 + 1                  # slot 0 again
    assert m.keys() == [(2).to_bytes(4, "little"), (3).to_bytes(4, "little")]


_FALLBACK_HASH = """
from core.skb import SkBuff
from hwsim.bpf import ProgramTable, cengine
from tests.bpf.test_cengine import _hash_op_insns
from hwsim.bpf.insn import encode
assert not cengine.available()
t = ProgramTable()
fd = t.create_map(1, 4, 8, 1)
m = t.map_fds[fd]
assert m.cindex is None
def run(op, key, arg=0):
    p = t.load_insns(encode(_hash_op_insns(fd, op, key, arg)), verify_prog=False)
    assert p.engine == "python"
    return p.run(SkBuff.from_bytes(bytes(60)))
assert run("update", 1, 5 << 2) == 0
assert run("update", 2, 5 << 2) == (-7) & 0xFFFFFFFF
assert run("lookup", 1) == 1 and m.lookup((1).to_bytes(4, "little")) == (6).to_bytes(8, "little")
assert run("delete", 1) == 0 and run("delete", 1) == (-2) & 0xFFFFFFFF and m.keys() == []
print("ok")
"""


def test_hash_maps_without_the_c_core():
    proc = subprocess.run([sys.executable, "-c", _FALLBACK_HASH], cwd=REPO, text=True,
                          capture_output=True, env={**os.environ, "OFFLOAD_CENGINE": "0"},
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "ok"
