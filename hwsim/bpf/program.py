"""Loaded programs and the per-emulator program table.

:class:`ProgramTable` plays the role of ``bpf_prog_load()`` + the IDR of program ids
(``bpf_prog_alloc_id()``): one table per emulator instance, ids from 1. Programs satisfy
``core.prog.Program``.
"""

from __future__ import annotations

import errno
import struct
import threading
import time
from collections import OrderedDict
from pathlib import Path
from typing import Any

import attrs

from core.prog import BPF_MAXINSNS, BPF_PROG_TYPE_SCHED_ACT, BPF_PROG_TYPE_SCHED_CLS
from core.skb import SkBuff
from hwsim.bpf import classic, ctx
from hwsim.bpf import insn as I
from hwsim.bpf.elf import RELO_MAP_FD, BpfObject, ProgSpec, read_object
from hwsim.bpf.engine import CTX_BASE, REGION_PKT, AbsExit, compile_program
from hwsim.bpf.errors import BpfLoadError, BpfRuntimeError
from hwsim.bpf.helpers import MemFault, RunEnv, TailCall
from hwsim.bpf.maps import Map
from hwsim.bpf.tag import SHA1, calc_tag
from hwsim.bpf.verifier import VerifierResult, verify

TAG_NONE = bytes(8)


@attrs.define(eq=False)
class BpfProgram:
    """An eBPF program after load: identity, instructions, maps, and its compiled body."""

    id: int
    tag: bytes
    name: str
    prog_type: int
    offload_ifindex: int | None
    insns: tuple[I.Insn, ...]
    raw: bytes  # instructions as given to "the kernel" (map fds patched in)
    maps: dict[str, Map]
    license: str = "GPL"
    section: str = ""
    verifier_log: str = ""
    #: ``bpf_prog_info``: load time (ns since the table's "boot"), uid, BTF object id.
    loaded_at: int = 0
    created_by_uid: int = 0
    btf_id: int = 0
    #: ``prog->aux->offload == NULL`` after its device went (``__bpf_prog_offload_destroy``):
    #: still device-bound, but bound to nothing
    offload_dead: bool = False
    is_classic: bool = False
    env: RunEnv | None = attrs.field(default=None, repr=False)
    source: str = attrs.field(default="", repr=False)
    _fn: object = attrs.field(default=None, repr=False)
    #: which core runs it: "c" (hwsim.bpf.cengine) or "python" (hwsim.bpf.engine)
    engine: str = "python"

    @property
    def insn_cnt(self) -> int:
        return len(self.insns)

    @property
    def helpers_used(self) -> frozenset[int]:
        """Helper ids the program calls (``BPF_CALL`` with src_reg 0): what an offload
        device checks against what its firmware implements."""
        return frozenset(i.imm for i in self.insns if i.code == 0x85 and i.src == 0)

    @property
    def map_types(self) -> frozenset[int]:
        return frozenset(m.map_type for m in self.maps.values())

    @property
    def stack_depth(self) -> int:
        """Bytes of stack used: the deepest ``r10``-relative access (the verifier's
        ``stack_depth`` for programs that address the stack through r10 only)."""
        depth = 0
        for i in self.insns:
            mode_class = i.code & 0x07
            if mode_class in (0x01, 0x02, 0x03) and i.off < 0 and (
                (mode_class == 0x01 and i.src == 10) or (mode_class != 0x01 and i.dst == 10)
            ):
                depth = max(depth, -i.off)
        return depth

    @property
    def gpl_compatible(self) -> bool:
        return self.license in ("GPL", "GPL v2", "GPL and additional rights", "Dual BSD/GPL",
                                "Dual MIT/GPL", "Dual MPL/GPL")

    def run(self, skb: SkBuff) -> int:
        """``bpf_prog_run()``: run on ``skb``, write back ``__sk_buff`` stores; u32 result."""
        if self.engine == "c":
            return self._fn.run_skb(self, skb)  # type: ignore[union-attr]
        return run_from(self, skb, 0)


def run_from(prog: BpfProgram, skb: SkBuff, tail_calls: int) -> int:
    """The Python engine's ``bpf_prog_run()`` loop from ``prog`` on, following tail calls
    (``tail_calls`` already taken; the C core resumes here after a tail call into Python)."""
    while True:
        env = prog.env
        assert env is not None
        env.skb = skb
        env.tail_calls = tail_calls
        mem = env.mem
        mem[REGION_PKT] = skb.data
        ctxb = mem[2]
        ctx.fill(ctxb, skb)  # type: ignore[arg-type]
        try:
            r0 = prog._fn(CTX_BASE)  # type: ignore[operator]
        except TailCall as tc:
            ctx.write_back(ctxb, skb)  # type: ignore[arg-type]
            prog = tc.prog  # type: ignore[assignment]
            tail_calls = env.tail_calls
            continue
        except AbsExit:
            r0 = 0
        except (IndexError, TypeError, struct.error, MemFault) as e:
            raise BpfRuntimeError(f"{prog.name}: bad memory access ({e})") from e
        finally:
            env.skb = None
        ctx.write_back(ctxb, skb)  # type: ignore[arg-type]
        return r0 & 0xFFFFFFFF


@attrs.define(eq=False)
class ClassicProgram:
    """A cBPF program from tc ``bytecode``: no id (0), no tag, ops kept for dumps."""

    ops: tuple[classic.Op, ...]
    prog_type: int = BPF_PROG_TYPE_SCHED_CLS
    id: int = 0
    tag: bytes = TAG_NONE
    name: str = ""
    offload_ifindex: int | None = None
    is_classic: bool = True
    _fn: object = attrs.field(default=None, repr=False)

    def __attrs_post_init__(self) -> None:
        classic.check_classic(list(self.ops))
        self._fn = classic.compile_classic(list(self.ops))

    @property
    def insn_cnt(self) -> int:
        return len(self.ops)

    @property
    def bytecode(self) -> str:
        return classic.format_bytecode(list(self.ops))

    def run(self, skb: SkBuff) -> int:
        return self._fn(skb) & 0xFFFFFFFF  # type: ignore[operator]


#: ``bpf_check()`` answers by what decides them (see :func:`_verify_cached`)
_VERIFIED: OrderedDict[tuple[Any, ...], VerifierResult | tuple[int, str, str]] = OrderedDict()
_VERIFIED_MAX = 256
_VERIFIED_LOCK = threading.Lock()


def _verify_cached(raw: bytes, insns: list[I.Insn], maps_by_insn: dict[int, Map],
                   region_of: dict[int, int], *, license: str, log_level: int,
                   privileged: bool) -> VerifierResult:
    """:func:`verify`, remembered: the same instructions with maps of the same shapes get
    the same answer (result or error: errno, message and log), so a program loaded again
    (``obj`` on every ``tc filter add``, the explorer's replays) is checked once.

    The key is everything the verifier reads: the instructions with each map load's fd
    replaced by the map's position, each map's type, sizes, flags and read-only bit, the
    license, the log level and the privilege. The result is copied out (callers own it)."""
    from hwsim.bpf.elf import LOAD_CACHE

    if not LOAD_CACHE:
        return verify(insns, maps_by_insn, license=license, log_level=log_level,
                      privileged=privileged)
    norm = bytearray(raw)
    shapes = []
    for pc, m in maps_by_insn.items():
        norm[pc * 8 + 4: pc * 8 + 8] = bytes(4)
        shapes.append((pc, region_of[id(m)], m.map_type, m.key_size, m.value_size,
                       m.max_entries, m.flags, m.readonly))
    key = (bytes(norm), tuple(shapes), license, log_level, privileged)
    with _VERIFIED_LOCK:
        got = _VERIFIED.get(key)
        if got is not None:
            _VERIFIED.move_to_end(key)
    if got is None:
        try:
            got = verify(insns, maps_by_insn, license=license, log_level=log_level,
                         privileged=privileged)
        except BpfLoadError as e:
            got = (e.errno, e.message, e.log)
        with _VERIFIED_LOCK:
            _VERIFIED[key] = got
            if len(_VERIFIED) > _VERIFIED_MAX:
                _VERIFIED.popitem(last=False)
    if isinstance(got, tuple):
        raise BpfLoadError(*got)
    return VerifierResult(set(got.ctx_loads), got.log, got.processed)


def _log_error(err: int, msg: str) -> BpfLoadError:
    """A load error raised inside ``bpf_check()``: the message is also the verifier log."""
    return BpfLoadError(err, msg, msg + "\n")


@attrs.define
class ProgramTable:
    """Programs and maps of one emulator instance (``prog_idr`` / ``map_idr``)."""

    programs: dict[int, BpfProgram] = attrs.field(factory=dict)
    map_fds: dict[int, Map] = attrs.field(factory=dict)
    next_id: int = 1
    next_map_fd: int = 1000
    next_map_id: int = 1  # map_idr: map ids are counted apart from program ids
    tag_algo: str = SHA1  # SHA256 mirrors Linux >= 6.18
    next_btf_id: int = 1
    boot_ns: int = attrs.field(factory=time.monotonic_ns)
    #: execution core: "auto" (the compiled C core when it is available and supports the
    #: program, else Python), "python", or "c" (load fails when C cannot run it)
    engine: str = attrs.field(default="auto",
                              validator=attrs.validators.in_(("auto", "python", "c")))

    def create_map(self, map_type: int, key_size: int, value_size: int, max_entries: int,
                   *, name: str = "", flags: int = 0) -> int:
        """``BPF_MAP_CREATE``: returns a map "fd" usable as a ``BPF_PSEUDO_MAP_FD`` imm."""
        m = Map(name, map_type, key_size, value_size, max_entries, flags, id=self.next_map_id)
        self.next_map_id += 1
        fd = self.next_map_fd
        self.next_map_fd += 1
        self.map_fds[fd] = m
        return fd

    def load_object(self, path: str | Path | BpfObject, section: str | None = None, *,
                    prog_type: int = BPF_PROG_TYPE_SCHED_CLS,
                    offload_ifindex: int | None = None, log_level: int = 0) -> BpfProgram:
        """tc's ``obj FILE [sec NAME]``: read, create maps, relocate, verify, assign an id."""
        obj = path if isinstance(path, BpfObject) else read_object(path)
        default = "action" if prog_type == BPF_PROG_TYPE_SCHED_ACT else "classifier"
        spec = obj.program(section, default=default)
        prog = self.load_spec(obj, spec, prog_type=prog_type, offload_ifindex=offload_ifindex,
                              log_level=log_level)
        if obj.has_btf:  # libbpf loads the object's BTF first (BPF_BTF_LOAD): a new BTF id
            prog.btf_id = self.next_btf_id
            self.next_btf_id += 1
        return prog

    def load_spec(self, obj: BpfObject, spec: ProgSpec, *, prog_type: int,
                  offload_ifindex: int | None, log_level: int = 0) -> BpfProgram:
        maps: dict[str, Map] = {}
        fds: dict[int, tuple[int, int]] = {}  # insn -> (src_reg, fd)
        offsets: dict[int, int] = {}
        for rel in spec.relocs:
            if rel.map_name not in maps:
                ms = obj.maps[rel.map_name]
                fd = self.create_map(ms.map_type, ms.key_size, ms.value_size, ms.max_entries,
                                     name=ms.name[:15], flags=ms.flags)
                m = self.map_fds[fd]
                m.readonly = ms.readonly
                if ms.initial is not None:
                    m.mem[: len(ms.initial)] = ms.initial
                maps[rel.map_name] = m
            fd = next(f for f, mm in self.map_fds.items() if mm is maps[rel.map_name])
            kind = I.BPF_PSEUDO_MAP_FD if rel.kind == RELO_MAP_FD else I.BPF_PSEUDO_MAP_VALUE
            fds[rel.insn] = (kind, fd)
            offsets[rel.insn] = rel.offset
        raw = bytearray(spec.insns)
        for idx, (kind, fd) in fds.items():
            raw[idx * 8 + 1] = (raw[idx * 8 + 1] & 0x0F) | (kind << 4)
            struct.pack_into("<i", raw, idx * 8 + 4, fd)
            if kind == I.BPF_PSEUDO_MAP_VALUE:
                struct.pack_into("<i", raw, idx * 8 + 12, offsets[idx])
        return self.load_insns(bytes(raw), prog_type=prog_type, name=spec.name,
                               license=spec.license, offload_ifindex=offload_ifindex,
                               section=spec.section, log_level=log_level)

    def load_insns(self, raw: bytes | list[I.Insn], *, prog_type: int = BPF_PROG_TYPE_SCHED_CLS,
                   name: str = "", license: str = "GPL", offload_ifindex: int | None = None,
                   section: str = "", log_level: int = 0, verify_prog: bool = True,
                   privileged: bool = True) -> BpfProgram:
        """``BPF_PROG_LOAD`` of raw instructions; map loads use fds from :meth:`create_map`."""
        if not isinstance(raw, bytes | bytearray):
            raw = I.encode(raw)
        raw = bytes(raw)
        count = len(raw) // 8
        # bpf_prog_load(): the count is refused before anything looks at the instructions
        # (insn_cnt == 0 or > BPF_COMPLEXITY_LIMIT_INSNS for a bpf_capable() loader: E2BIG)
        if count == 0 or count > 1_000_000:
            raise BpfLoadError(errno.E2BIG if count else errno.EINVAL,
                               f"invalid program length {count}")
        insns = I.decode(raw)
        if prog_type not in (BPF_PROG_TYPE_SCHED_CLS, BPF_PROG_TYPE_SCHED_ACT):
            raise BpfLoadError(errno.EINVAL, f"unsupported program type {prog_type}")
        if offload_ifindex is not None and len(insns) > BPF_MAXINSNS * 256:
            raise BpfLoadError(errno.E2BIG, "program too large for offload")
        env = RunEnv(mem=[None, bytearray(I.MAX_BPF_STACK), bytearray(ctx.CTX_SIZE),
                          bytearray()], maps={})
        imm64: dict[int, int] = {}
        maps_by_insn: dict[int, Map] = {}
        region_of: dict[int, int] = {}
        names: dict[str, Map] = {}
        for pc, ins in enumerate(insns):
            if ins.code != I.LD_IMM64:
                continue
            if pc + 1 >= len(insns):
                raise _log_error(errno.EINVAL, "invalid BPF_LD_IMM insn")
            hi = insns[pc + 1].imm
            if ins.src in (I.BPF_PSEUDO_MAP_FD, I.BPF_PSEUDO_MAP_VALUE):
                m = self.map_fds.get(ins.imm)
                if m is None:
                    raise _log_error(errno.EBADF, f"fd {ins.imm} is not pointing to valid "
                                                  "bpf_map")
                if id(m) not in region_of:
                    region_of[id(m)] = len(env.mem)
                    env.mem.append(m.mem)
                    env.maps[region_of[id(m)]] = m
                    names[m.name] = m
                base = region_of[id(m)] << 32
                maps_by_insn[pc] = m
                imm64[pc] = base if ins.src == I.BPF_PSEUDO_MAP_FD else base + (hi & 0xFFFFFFFF)
            elif ins.src == 0:
                imm64[pc] = ((hi & 0xFFFFFFFF) << 32) | (ins.imm & 0xFFFFFFFF)
            else:
                raise _log_error(errno.EINVAL, f"unrecognized bpf_ld_imm64 insn at {pc}")
        log = ""
        ctx_loads = None
        if verify_prog:
            res = _verify_cached(raw, insns, maps_by_insn, region_of, license=license,
                                 log_level=log_level, privileged=privileged)
            ctx_loads, log = res.ctx_loads, res.log
        fn, source = compile_program(insns, env, imm64, ctx_loads)
        engine = "python"
        if self.engine != "python":
            from hwsim.bpf import cengine

            cfn, why = cengine.compile_program(insns, env, imm64)
            if cfn is not None:
                fn, engine = cfn, "c"
            elif self.engine == "c":
                raise BpfLoadError(errno.EOPNOTSUPP, why or "C engine unavailable")
        prog = BpfProgram(
            id=self.next_id, tag=calc_tag(raw, self.tag_algo), name=name[:15], prog_type=prog_type,
            offload_ifindex=offload_ifindex, insns=tuple(insns), raw=raw, maps=names,
            license=license, section=section, verifier_log=log, env=env, source=source,
            fn=fn, loaded_at=time.monotonic_ns() - self.boot_ns, engine=engine,
        )
        self.next_id += 1
        self.programs[prog.id] = prog
        return prog

    def load_bytecode(self, text: str, *, prog_type: int = BPF_PROG_TYPE_SCHED_CLS
                      ) -> ClassicProgram:
        """tc's ``bytecode '...'`` (``TCA_BPF_OPS``): a classic program, id 0."""
        return ClassicProgram(tuple(classic.parse_bytecode(text)), prog_type=prog_type)

    def load_bytecode_file(self, path: str | Path, *,
                           prog_type: int = BPF_PROG_TYPE_SCHED_CLS) -> ClassicProgram:
        return ClassicProgram(tuple(classic.parse_bytecode_file(path)), prog_type=prog_type)

    def unload(self, prog_id: int) -> None:
        self.programs.pop(prog_id, None)

