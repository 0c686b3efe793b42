"""A compiled execution core for eBPF programs: a C interpreter reached through cffi.

The C side (``cengine.c``) interprets pre-decoded instructions (decoded once at load into
a compact array of 16-byte :c:type:`ce_insn`, computed-goto dispatch) over the same
address model as the Python engine (:mod:`hwsim.bpf.engine`): ``region << 32 | offset``
with region 1 the stack, 2 the ``__sk_buff`` image, 3 the packet, 4.. one per map. The
regions *are* the Python engine's ``bytearray`` objects (``env.mem``), lent to C through
``ffi.from_buffer``, so Python helpers, map updates from the control plane and the
``__sk_buff`` fill/write-back see and make the same bytes. Every access is bounds-checked
in C; a bad one ends the run with a fault that surfaces as the Python engine's
``MemFault`` (``BpfRuntimeError`` from :meth:`BpfProgram.run`).

Helpers run in C where simple (map lookup/update/delete on array maps, and on hash maps
through their C key index — ``Map.cindex``, a ``ce_htab`` shared with the Python side —
``ktime_get_ns``, ``get_smp_processor_id``, ``skb_load_bytes``); every other helper —
checksum and store helpers, redirect, tail calls, printk — calls back into the Python
implementation in :mod:`hwsim.bpf.helpers` (one ``extern "Python"`` call per helper
call). An exception raised there (``TailCall``, ``MemFault``, ...) stops the C run and is
re-raised by the glue, so :meth:`BpfProgram.run` handles both engines the same way.

Public API: :func:`available`, :func:`unavailable_reason`, :func:`unsupported`,
:func:`compile_program` (the :class:`CProgram` callable that replaces the Python
engine's ``run(r1)``), :func:`run_repeat` (``BPF_PROG_TEST_RUN``'s timed repeat loop).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from hwsim.bpf import ctx
from hwsim.bpf import insn as I
from hwsim.bpf.cengine._build import load
from hwsim.bpf.engine import CTX_BASE, REGION_CTX, REGION_PKT, FellOff, _unknown_helper
from hwsim.bpf.errors import BpfRuntimeError
from hwsim.bpf.helpers import MemFault, RunEnv, TailCall, make_helpers

if TYPE_CHECKING:
    from core.skb import SkBuff
    from hwsim.bpf.program import BpfProgram

__all__ = ["CProgram", "available", "compile_program", "run_repeat", "unavailable_reason",
           "unsupported"]

M64 = (1 << 64) - 1
M32 = 0xFFFFFFFF
CE_OK, CE_FAULT, CE_PYERR, CE_BADINSN = 0, 1, 2, 3
CE_CTX_DIRTY = 16  # or-ed into the status when a store hit the __sk_buff image
SENTINEL = 0xFF  # op_bad: what the core finds past the last instruction

_ALU_OPS = (I.BPF_ADD, I.BPF_SUB, I.BPF_MUL, I.BPF_DIV, I.BPF_OR, I.BPF_AND, I.BPF_LSH,
            I.BPF_RSH, I.BPF_MOD, I.BPF_XOR, I.BPF_MOV, I.BPF_ARSH)
_JMP_OPS = (I.BPF_JEQ, I.BPF_JGT, I.BPF_JGE, I.BPF_JSET, I.BPF_JNE, I.BPF_JSGT, I.BPF_JSGE,
            I.BPF_JLT, I.BPF_JLE, I.BPF_JSLT, I.BPF_JSLE)
_ATOMIC_IMMS = frozenset({0x00, 0x01, 0x40, 0x41, 0x50, 0x51, 0xA0, 0xA1, I.BPF_XCHG,
                          I.BPF_CMPXCHG})


def _opcodes() -> frozenset[int]:
    """Opcode bytes the C core implements (its dispatch table, less the sentinel)."""
    ops: set[int] = {I.LD_IMM64, I.BPF_JMP | I.BPF_CALL, I.BPF_JMP | I.BPF_EXIT,
                     I.BPF_JMP | I.BPF_JA, I.BPF_JMP32 | I.BPF_JA,
                     I.BPF_ALU64 | I.BPF_NEG, I.BPF_ALU64 | I.BPF_NEG | I.BPF_X,
                     I.BPF_ALU | I.BPF_NEG, I.BPF_ALU | I.BPF_NEG | I.BPF_X,
                     I.BPF_ALU | I.BPF_END | I.BPF_TO_LE, I.BPF_ALU | I.BPF_END | I.BPF_TO_BE,
                     I.BPF_STX | I.BPF_ATOMIC | I.BPF_W, I.BPF_STX | I.BPF_ATOMIC | I.BPF_DW}
    for cls in (I.BPF_ALU, I.BPF_ALU64):
        ops |= {cls | op | s for op in _ALU_OPS for s in (I.BPF_K, I.BPF_X)}
    for cls in (I.BPF_JMP, I.BPF_JMP32):
        ops |= {cls | op | s for op in _JMP_OPS for s in (I.BPF_K, I.BPF_X)}
    for size in (I.BPF_W, I.BPF_H, I.BPF_B, I.BPF_DW):
        ops |= {I.BPF_LDX | I.BPF_MEM | size, I.BPF_ST | I.BPF_MEM | size,
                I.BPF_STX | I.BPF_MEM | size, I.BPF_LD | I.BPF_ABS | size,
                I.BPF_LD | I.BPF_IND | size}
    return frozenset(ops)


OPCODES = _opcodes()


def available() -> bool:
    """True when the compiled core could be built (or was cached) and imported."""
    return load()[0] is not None


def unavailable_reason() -> str | None:
    """Why the compiled core cannot be used here, or None when it can."""
    return load()[1]


def _wide_imm(ins: I.Insn) -> int:
    """``imm`` as the instruction uses it: 32-bit ops zero-extend, 64-bit sign-extend."""
    cls = I.bpf_class(ins.code)
    return ins.imm & (M32 if cls in (I.BPF_ALU, I.BPF_JMP32) else M64)


def unsupported(insns: list[I.Insn] | tuple[I.Insn, ...]) -> str | None:
    """Why the C core cannot run ``insns`` (the Python engine then does), or None."""
    n = len(insns)
    skip = False
    for pc, ins in enumerate(insns):
        if skip:
            skip = False
            continue
        code = ins.code
        if code not in OPCODES:
            return f"opcode {code:#04x} at insn {pc}"
        cls = I.bpf_class(code)
        if code == I.LD_IMM64:
            if pc + 1 >= n:
                return f"truncated ld_imm64 at insn {pc}"
            skip = True
        elif cls in (I.BPF_JMP, I.BPF_JMP32) and I.bpf_op(code) not in (I.BPF_CALL,
                                                                          I.BPF_EXIT):
            if not 0 <= pc + 1 + ins.off < n:
                return f"jump out of range at insn {pc}"
        elif code == I.BPF_JMP | I.BPF_CALL and ins.src != 0:
            return f"bpf-to-bpf or kfunc call at insn {pc}"
        elif I.bpf_op(code) == I.BPF_END and cls == I.BPF_ALU and ins.imm not in (16, 32, 64):
            return f"byte swap of {ins.imm} bits at insn {pc}"
        elif I.bpf_mode(code) == I.BPF_ATOMIC and cls == I.BPF_STX and \
                ins.imm not in _ATOMIC_IMMS:
            return f"atomic op {ins.imm:#x} at insn {pc}"
        if ins.dst > 10 or ins.src > 10:
            return f"register out of range at insn {pc}"
    return None


class _CallbackState:
    """What the ``extern "Python"`` helper callback reaches through its handle: the
    helper table of one program and the exception a helper raised, if any."""

    __slots__ = ("exc", "helpers")

    def __init__(self, helpers: dict[int, Callable[..., int]]) -> None:
        self.helpers = helpers
        self.exc: BaseException | None = None


_registered: set[int] = set()


def _register_callback(mod: Any) -> None:
    if id(mod) in _registered:
        return
    ffi = mod.ffi

    @ffi.def_extern(name="ce_py_helper")
    def _helper(handle: Any, hid: int, regs: Any, err: Any) -> int:
        state: _CallbackState = ffi.from_handle(handle)
        try:
            fn = state.helpers.get(hid)
            if fn is None:
                fn = state.helpers[hid] = _unknown_helper(hid)
            return fn(regs[1], regs[2], regs[3], regs[4], regs[5]) & M64
        except BaseException as e:  # re-raised by the glue after C returns
            state.exc = e
            err[0] = 1
            return 0

    _registered.add(id(mod))


class CProgram:
    """The compiled form of one program: called like the Python engine's ``run(r1)``.

    Returns r0 (u64), or raises what the Python engine would: ``TailCall`` / ``MemFault``
    / ``BpfRuntimeError`` from a helper, ``MemFault`` for an out-of-bounds access,
    ``FellOff`` when execution runs past the last instruction.
    """

    def __init__(self, mod: Any, insns: list[I.Insn] | tuple[I.Insn, ...], env: RunEnv,
                 imm64: dict[int, int]) -> None:
        ffi, lib = mod.ffi, mod.lib
        _register_callback(mod)
        self.env = env
        self.ffi, self.lib = ffi, lib
        self.n = len(insns)
        self._state = _CallbackState(make_helpers(env))
        self._handle = ffi.new_handle(self._state)
        self._insns = self._decode(ffi, insns, imm64)
        nreg = len(env.mem)
        self._regions = ffi.new("ce_region[]", nreg)
        self._maps = ffi.new("ce_map[]", nreg)
        self._bufs = []  # keeps the lent buffers alive (and un-resizable) while we live
        for r, buf in enumerate(env.mem):
            if buf is None or r == REGION_PKT:
                continue
            cbuf = ffi.from_buffer(buf)
            self._bufs.append(cbuf)
            self._regions[r].base = ffi.cast("uint8_t *", cbuf)
            self._regions[r].len = len(buf)
        for r, m in env.maps.items():  # a hash map's C index, if it has one, is used as is
            htab = m.cindex[2] if m.cindex is not None and m.cindex[1] is lib else ffi.NULL
            self._maps[r] = (m.map_type, m.key_size, m.value_size, m.max_entries, htab)
        p = ffi.new("ce_prog *")
        p.insns, p.n, p.nregions = self._insns, self.n, nreg
        p.regions, p.maps, p.handle = self._regions, self._maps, self._handle
        self._p = p
        self._ret = ffi.new("uint64_t *")
        self._ns = ffi.new("uint64_t *")
        self._run = lib.ce_run
        self._from_buffer = ffi.from_buffer

    @staticmethod
    def _decode(ffi: Any, insns: list[I.Insn] | tuple[I.Insn, ...],
                imm64: dict[int, int]) -> Any:
        n = len(insns)
        out = ffi.new("ce_insn[]", n + 2)
        skip = False
        for pc, ins in enumerate(insns):
            c = out[pc]
            if skip:  # second half of ld_imm64: a no-op if anything lands here
                c.op, skip = 0, False
                continue
            c.op, c.dst, c.src = ins.code, ins.dst, ins.src
            cls, op = I.bpf_class(ins.code), I.bpf_op(ins.code)
            if ins.code == I.LD_IMM64:
                c.imm = imm64.get(pc, 0) & M64
                skip = True
            elif cls in (I.BPF_JMP, I.BPF_JMP32) and op not in (I.BPF_CALL, I.BPF_EXIT):
                c.off = pc + 1 + ins.off
                c.imm = _wide_imm(ins)
            elif cls in (I.BPF_ALU, I.BPF_ALU64):
                c.imm = _wide_imm(ins)
            else:  # memory ops, atomics (imm = op), ld_abs/ind, call (helper id)
                c.off = ins.off
                c.imm = ins.imm & M64
        out[n].op = out[n + 1].op = SENTINEL
        return out

    def __call__(self, r1: int) -> int:
        pkt = self.env.mem[REGION_PKT]
        with self._from_buffer(pkt) as cbuf:  # lent to C for this call only
            st = self._run(self._p, cbuf, len(pkt), r1 & M64,  # type: ignore[arg-type]
                           self._ret) & ~CE_CTX_DIRTY
        if st == CE_OK:
            return self._ret[0]
        self._raise(st)
        raise AssertionError("unreachable")

    def run_skb(self, prog: BpfProgram, skb: SkBuff) -> int:
        """:meth:`BpfProgram.run` for a program on the C core: same results, same
        write-back, same errors; the ``__sk_buff`` image is written back only when a
        store hit it (the C core reports that), which saves most of the Python work."""
        env = self.env
        mem = env.mem
        data = skb.data
        mem[REGION_PKT] = data
        ctxb = mem[REGION_CTX]
        ctx.fill(ctxb, skb)  # type: ignore[arg-type]
        env.skb, env.tail_calls = skb, 0
        try:
            with self._from_buffer(data) as cbuf:
                st = self._run(self._p, cbuf, len(data), CTX_BASE, self._ret)
        finally:
            env.skb = None
        if st == CE_OK:
            return self._ret[0] & M32
        if st == CE_CTX_DIRTY:
            ctx.write_back(ctxb, skb)  # type: ignore[arg-type]
            return self._ret[0] & M32
        try:  # as BpfProgram.run: a fault raises without writing back, a tail call does
            self._raise(st & ~CE_CTX_DIRTY)
        except TailCall as tc:
            ctx.write_back(ctxb, skb)  # type: ignore[arg-type]
            return _run_tail(tc.prog, skb, env.tail_calls)  # type: ignore[arg-type]
        except MemFault as e:  # FellOff propagates as from the Python engine
            raise BpfRuntimeError(f"{prog.name}: bad memory access ({e})") from e
        raise AssertionError("unreachable")

    def _raise(self, st: int) -> None:
        p = self._p
        if st == CE_PYERR:
            exc, self._state.exc = self._state.exc, None
            assert exc is not None
            raise exc
        if st == CE_FAULT:
            raise MemFault(f"access of {p.fault_size} bytes at {p.fault_addr:#x} "
                           f"(insn {p.fault_pc})")
        if p.fault_pc >= self.n:
            raise FellOff(p.fault_pc)
        raise BpfRuntimeError(f"unknown opcode at insn {p.fault_pc}")

    @property
    def insns_run(self) -> int:
        """Instructions executed by the last run (the C core counts them)."""
        return int(self._p.insns_run)

    def repeat(self, r1: int, repeat: int) -> tuple[int, int]:
        """``repeat`` runs in C on the current packet and context image: (r0, total ns)."""
        pkt = self.env.mem[REGION_PKT]
        with self.ffi.from_buffer(pkt) as cbuf:
            st = self.lib.ce_run_repeat(self._p, cbuf, len(pkt),  # type: ignore[arg-type]
                                        r1 & M64, repeat, self._ret, self._ns)
        if st & ~CE_CTX_DIRTY != CE_OK:
            self._raise(st & ~CE_CTX_DIRTY)
        return self._ret[0], self._ns[0]


def _run_tail(prog: BpfProgram, skb: SkBuff, tail_calls: int) -> int:
    """The rest of :meth:`BpfProgram.run` after a tail call into ``prog`` (either engine)."""
    from hwsim.bpf.program import run_from

    return run_from(prog, skb, tail_calls)


def compile_program(insns: list[I.Insn] | tuple[I.Insn, ...], env: RunEnv,
                    imm64: dict[int, int]) -> tuple[CProgram | None, str | None]:
    """``(CProgram, None)``, or ``(None, reason)`` when the core is unavailable here or
    the program uses something it does not implement."""
    mod, reason = load()
    if mod is None:
        return None, f"C engine unavailable: {reason}"
    why = unsupported(insns)
    if why is not None:
        return None, f"C engine does not support {why}"
    return CProgram(mod, insns, env, imm64), None


def run_repeat(prog: BpfProgram, packet: bytes, repeat: int, *,
               skb: SkBuff | None = None) -> tuple[int, float]:
    """``BPF_PROG_TEST_RUN(repeat=N)`` for our engine: ``(retval, ns per run)``.

    Like the kernel's ``bpf_test_run()``, the context is built once, the program runs
    ``repeat`` times on the same packet (changes persist from run to run), and the loop
    is timed as a whole (in C, with CLOCK_MONOTONIC, when ``prog`` runs on the C core;
    else ``BpfProgram.run`` in a Python loop — also the path for tail calls, which leave
    the C loop). The ``__sk_buff`` image is written back to ``skb`` at the end.
    """
    from core.skb import SkBuff

    repeat = max(1, repeat)
    if skb is None:
        skb = SkBuff.from_bytes(packet, ifindex=1)
    fn = prog._fn
    env = prog.env
    if isinstance(fn, CProgram) and env is not None:
        env.skb, env.tail_calls = skb, 0
        env.mem[REGION_PKT] = skb.data
        ctxb = env.mem[REGION_CTX]
        ctx.fill(ctxb, skb)  # type: ignore[arg-type]
        try:
            r0, ns = fn.repeat(CTX_BASE, repeat)
        except TailCall:
            pass  # fall through to the generic loop
        except MemFault as e:
            raise BpfRuntimeError(f"{prog.name}: bad memory access ({e})") from e
        else:
            ctx.write_back(ctxb, skb)  # type: ignore[arg-type]
            return r0 & M32, ns / repeat
        finally:
            env.skb = None
    run = prog.run
    t0 = time.perf_counter_ns()
    for _ in range(repeat):
        r0 = run(skb)
    return r0, (time.perf_counter_ns() - t0) / repeat
