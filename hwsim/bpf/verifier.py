"""A verifier for tc programs, modelled on kernel/bpf/verifier.c — and honest about scope.

What is checked, with the kernel function each part mirrors:

- structure (``check_subprogs``/``check_cfg``): known opcodes, well-formed ``ld_imm64``,
  jump targets in range, last insn is exit/ja, every insn reachable; back-edges are
  *rejected* like pre-5.3 kernels (the kernel today accepts bounded loops);
- ``do_check`` path walk over all branches (with pruning of exactly equal states):
  register initialisation (``R1 !read_ok``), r10 read-only, ALU rules incl. pointer
  arithmetic, division/shift by constant, stack bounds and initialised stack reads,
  ``__sk_buff`` field access (``tc_cls_act_is_valid_access``), packet access only within
  a range proven by a ``data_end`` comparison (``find_good_pkt_pointers``), map value
  bounds, NULL checks after ``bpf_map_lookup_elem``, helper allow-list and argument
  types (``check_helper_call``), R0 initialised at exit.

Scalars are tracked as unsigned 64-bit intervals, not tnums; signed bounds are not
tracked. See docs/bpf.md for what is not checked.
"""

from __future__ import annotations

import errno

import attrs

from hwsim.bpf import ctx as C
from hwsim.bpf import helpers as H
from hwsim.bpf import insn as I
from hwsim.bpf.disasm import insn_text
from hwsim.bpf.engine import bswap
from hwsim.bpf.errors import BpfLoadError
from hwsim.bpf.maps import BPF_MAP_TYPE_PROG_ARRAY, Map

M64 = (1 << 64) - 1
M32 = 0xFFFFFFFF
MAX_PACKET_OFF = 0xFFFF
BPF_MAX_VAR_OFF = 1 << 29
COMPLEXITY_LIMIT = 1_000_000

NOT_INIT, SCALAR, CTX, STACK, PKT, PKT_END, PKT_META = range(7)
MAP_PTR, MAP_VALUE, MAP_VALUE_OR_NULL = 7, 8, 9
TYPE_STR = {NOT_INIT: "?", SCALAR: "scalar", CTX: "ctx", STACK: "fp", PKT: "pkt",
            PKT_END: "pkt_end", PKT_META: "pkt_meta", MAP_PTR: "map_ptr",
            MAP_VALUE: "map_value", MAP_VALUE_OR_NULL: "map_value_or_null"}
PKT_CHANGING_HELPERS = {9, 10, 11}


@attrs.frozen
class Reg:
    """``struct bpf_reg_state`` reduced: type, fixed offset, scalar bounds, ids."""

    t: int = NOT_INIT
    off: int = 0
    umin: int = 0
    umax: int = M64
    id: int = 0
    rng: int = 0  # proven packet range
    var: int = 0  # max variable offset added to a pointer
    map: Map | None = None

    @property
    def is_const(self) -> bool:
        return self.t == SCALAR and self.umin == self.umax

    def __str__(self) -> str:
        if self.t == SCALAR:
            if self.is_const:
                return str(self.umin)
            return "scalar()" if self.umax == M64 else f"scalar(umin={self.umin},umax={self.umax})"
        if self.t in (PKT, PKT_META):
            return f"{TYPE_STR[self.t]}(id={self.id},off={self.off},r={self.rng})"
        if self.t == STACK:
            return f"fp{self.off}"
        return f"{TYPE_STR[self.t]}(off={self.off})" if self.off else TYPE_STR[self.t]


UNKNOWN = Reg(SCALAR)
UNINIT = Reg()


def const(v: int) -> Reg:
    return Reg(SCALAR, umin=v & M64, umax=v & M64)


def sized(size: int) -> Reg:
    return Reg(SCALAR, umin=0, umax=(1 << (8 * size)) - 1)


@attrs.frozen
class State:
    regs: tuple[Reg, ...]
    stack_init: int = 0  # bit i: byte (512 - 1 - i) below fp... see _bits()
    spills: tuple[tuple[int, Reg], ...] = ()  # (fp offset, spilled register)

    def with_reg(self, i: int, r: Reg) -> State:
        regs = list(self.regs)
        regs[i] = r
        return attrs.evolve(self, regs=tuple(regs))


@attrs.frozen
class VerifierResult:
    """What the engine needs from verification, plus the log."""

    ctx_loads: set[int]
    log: str
    processed: int


class _Reject(Exception):
    def __init__(self, msg: str, err: int = errno.EACCES) -> None:
        super().__init__(msg)
        self.msg, self.err = msg, err


def _bits(off: int, size: int) -> int:
    """Bitmask for stack bytes [off, off+size) where off is negative from fp."""
    return ((1 << size) - 1) << (off + I.MAX_BPF_STACK)


def _valid_opcode(code: int) -> bool:
    cls, op, src = code & 7, code & 0xF0, code & 0x08
    if cls in (I.BPF_ALU, I.BPF_ALU64):
        if op == I.BPF_END:
            return cls == I.BPF_ALU
        return op <= I.BPF_ARSH and not (op == I.BPF_NEG and src)
    if cls in (I.BPF_JMP, I.BPF_JMP32):
        if op in (I.BPF_JA, I.BPF_CALL, I.BPF_EXIT):
            return cls == I.BPF_JMP and not src
        return op <= I.BPF_JSLE
    mode, size = code & 0xE0, code & 0x18
    if cls == I.BPF_LDX:
        return mode == I.BPF_MEM
    if cls == I.BPF_ST:
        return mode == I.BPF_MEM
    if cls == I.BPF_STX:
        return mode == I.BPF_MEM or (mode == I.BPF_ATOMIC and size in (I.BPF_W, I.BPF_DW))
    if cls == I.BPF_LD:
        return code == I.LD_IMM64 or (mode in (I.BPF_ABS, I.BPF_IND) and size != I.BPF_DW)
    return False


def _successors(pc: int, ins: I.Insn) -> list[int]:
    cls, op = I.bpf_class(ins.code), I.bpf_op(ins.code)
    step = 2 if ins.code == I.LD_IMM64 else 1
    if cls in (I.BPF_JMP, I.BPF_JMP32):
        if op == I.BPF_EXIT:
            return []
        if op == I.BPF_CALL:
            return [pc + 1]
        if op == I.BPF_JA:
            return [pc + 1 + ins.off]
        return [pc + 1, pc + 1 + ins.off]
    return [pc + step]


def check_cfg(insns: list[I.Insn]) -> None:
    """Structural checks: ``resolve_pseudo_ldimm64``, ``check_subprogs``, ``check_cfg``."""
    n = len(insns)
    second: set[int] = set()
    for pc, ins in enumerate(insns):
        if pc in second:
            continue
        if not _valid_opcode(ins.code):
            raise _Reject(f"unknown opcode {ins.code:02x}", errno.EINVAL)
        if ins.code == I.LD_IMM64:
            nxt = insns[pc + 1] if pc + 1 < n else None
            if nxt is None or nxt.code or nxt.dst or nxt.src or nxt.off or ins.off:
                raise _Reject("invalid BPF_LD_IMM insn", errno.EINVAL)
            second.add(pc + 1)
        if ins.code == I.BPF_JMP | I.BPF_CALL and ins.src == I.BPF_PSEUDO_CALL:
            raise _Reject(f"bpf-to-bpf call at insn {pc} is not supported by this verifier",
                          errno.EOPNOTSUPP)
        cls, op = I.bpf_class(ins.code), I.bpf_op(ins.code)
        if cls in (I.BPF_JMP, I.BPF_JMP32) and op not in (I.BPF_CALL, I.BPF_EXIT):
            t = pc + 1 + ins.off
            if not 0 <= t < n:
                raise _Reject(f"jump out of range from insn {pc} to {t}", errno.EINVAL)
    last = insns[-1]
    if last.code not in (I.BPF_JMP | I.BPF_EXIT, I.BPF_JMP | I.BPF_JA) or n - 1 in second:
        raise _Reject("last insn is not an exit or jmp", errno.EINVAL)
    seen = [False] * n
    todo = [0]
    seen[0] = True
    while todo:
        pc = todo.pop()
        for s in _successors(pc, insns[pc]):
            if s in second:
                raise _Reject(f"jump into the middle of ldimm64 insn {s - 1}", errno.EINVAL)
            if s >= n:
                raise _Reject("last insn is not an exit or jmp", errno.EINVAL)
            if s <= pc:
                raise _Reject(f"back-edge from insn {pc} to {s}", errno.EINVAL)
            if not seen[s]:
                seen[s] = True
                todo.append(s)
    for pc in range(n):
        if not seen[pc] and pc not in second:
            raise _Reject(f"unreachable insn {pc}", errno.EINVAL)


class _Checker:
    def __init__(self, insns: list[I.Insn], maps: dict[int, Map], license: str,
                 log_level: int, privileged: bool) -> None:
        self.insns = insns
        self.allow_uninit_stack = privileged  # env->allow_uninit_stack (CAP_PERFMON)
        self.maps = maps
        self.gpl = license in ("GPL", "GPL v2", "GPL and additional rights", "Dual BSD/GPL",
                               "Dual MIT/GPL", "Dual MPL/GPL")
        self.log_level = log_level
        self.log: list[str] = []
        self.ctx_loads: set[int] = set()
        self.next_id = 0
        self.processed = 0
        self.total_states = 0

    def new_id(self) -> int:
        self.next_id += 1
        return self.next_id

    def run(self) -> None:
        regs = [UNINIT] * I.MAX_BPF_REG
        regs[1] = Reg(CTX)
        regs[10] = Reg(STACK)
        todo: list[tuple[int, State, int]] = [(0, State(tuple(regs)), -1)]
        visited: dict[int, set[State]] = {}
        while todo:
            pc, st, frm = todo.pop()
            if frm >= 0:
                seen = visited.setdefault(pc, set())
                if st in seen:
                    continue
                seen.add(st)
                self.total_states += 1
                if self.log_level >= 2:
                    self.log.append(f"from {frm} to {pc}: {self.fmt(st)}")
            while True:
                self.processed += 1
                if self.processed > COMPLEXITY_LIMIT:
                    raise _Reject(f"BPF program is too large. Processed {self.processed} insn",
                                  errno.E2BIG)
                ins = self.insns[pc]
                if self.log_level >= 2:
                    hi = self.insns[pc + 1].imm if ins.code == I.LD_IMM64 else 0
                    self.log.append(f"{pc}: {insn_text(ins, hi)}")
                res = self.step(pc, ins, st)
                if res is None:
                    break
                (pc_next, st), branch = res
                if branch is not None:
                    todo.append((branch[0], branch[1], pc))
                if pc_next is None:
                    break
                pc = pc_next

    def fmt(self, st: State) -> str:
        return " ".join(f"R{i}={r}" for i, r in enumerate(st.regs) if r.t != NOT_INIT)

    # -- helpers ------------------------------------------------------------------
    def read_reg(self, st: State, r: int) -> Reg:
        reg = st.regs[r]
        if reg.t == NOT_INIT:
            raise _Reject(f"R{r} !read_ok")
        return reg

    def write_check(self, r: int) -> None:
        if r == I.BPF_REG_FP:
            raise _Reject("frame pointer is read only")

    @staticmethod
    def check_regnos(ins: I.Insn) -> None:
        """``check_reg_arg()``'s first test, ``regno >= MAX_BPF_REG``: "R%d is invalid",
        -EINVAL; the source operand is checked before the destination, as the kernel's
        ``check_alu_op()``/``check_mem_access`` callers do. (The 4-bit fields reach r15.)"""
        cls = I.bpf_class(ins.code)
        src_is_reg = cls in (I.BPF_LDX, I.BPF_STX) or (
            cls in (I.BPF_ALU, I.BPF_ALU64, I.BPF_JMP, I.BPF_JMP32)
            and I.bpf_src(ins.code) == I.BPF_X)
        if cls in (I.BPF_JMP, I.BPF_JMP32) and I.bpf_op(ins.code) in (
                I.BPF_JA, I.BPF_CALL, I.BPF_EXIT):
            return  # dst/src are reserved fields there, checked as such
        if src_is_reg and ins.src >= I.MAX_BPF_REG:
            raise _Reject(f"R{ins.src} is invalid", errno.EINVAL)
        if ins.dst >= I.MAX_BPF_REG:
            raise _Reject(f"R{ins.dst} is invalid", errno.EINVAL)

    # -- one instruction ----------------------------------------------------------------
    def step(self, pc: int, ins: I.Insn, st: State):
        self.check_regnos(ins)
        cls = I.bpf_class(ins.code)
        if cls in (I.BPF_ALU, I.BPF_ALU64):
            return (pc + 1, self.alu(ins, st)), None
        if cls == I.BPF_LDX:
            return (pc + 1, self.ldx(pc, ins, st)), None
        if cls in (I.BPF_ST, I.BPF_STX):
            return (pc + 1, self.store(ins, st)), None
        if cls == I.BPF_LD:
            if ins.code == I.LD_IMM64:
                self.write_check(ins.dst)
                m = self.maps.get(pc)
                if m is None:
                    hi = self.insns[pc + 1].imm
                    r = const(((hi & M32) << 32) | (ins.imm & M32))
                elif ins.src == I.BPF_PSEUDO_MAP_FD:
                    r = Reg(MAP_PTR, map=m)
                else:
                    r = Reg(MAP_VALUE, off=self.insns[pc + 1].imm, map=m)
                return (pc + 2, st.with_reg(ins.dst, r)), None
            # LD_ABS / LD_IND: implicit ctx in R6, clobbers R1-R5, result in R0
            if self.read_reg(st, 6).t != CTX:
                raise _Reject("at the time of BPF_LD_ABS|IND R6 != pointer to skb")
            if I.bpf_mode(ins.code) == I.BPF_IND:
                self.read_reg(st, ins.src)
            st = self.clobber_caller_saved(st)
            return (pc + 1, st.with_reg(0, sized(I.SIZE_BYTES[I.bpf_size(ins.code)]))), None
        op = I.bpf_op(ins.code)
        if op == I.BPF_EXIT:
            self.read_reg(st, 0)
            return None
        if op == I.BPF_CALL:
            return (pc + 1, self.call(pc, ins, st)), None
        if op == I.BPF_JA:
            return (pc + 1 + ins.off, st), None
        return self.cond_jump(pc, ins, st)

    def clobber_caller_saved(self, st: State) -> State:
        regs = list(st.regs)
        for r in range(1, 6):
            regs[r] = UNINIT
        return attrs.evolve(st, regs=tuple(regs))

    # -- ALU ----------------------------------------------------------------------------
    def alu(self, ins: I.Insn, st: State) -> State:
        wide = I.bpf_class(ins.code) == I.BPF_ALU64
        op, use_x = I.bpf_op(ins.code), I.bpf_src(ins.code) == I.BPF_X
        name = "BPF_ALU64" if wide else "BPF_ALU"
        if op == I.BPF_END:
            if ins.src or ins.off or ins.imm not in (16, 32, 64):
                raise _Reject("BPF_END uses reserved fields", errno.EINVAL)
            self.read_reg(st, ins.dst)
            self.write_check(ins.dst)
            d = st.regs[ins.dst]
            if d.t != SCALAR:
                raise _Reject(f"R{ins.dst} pointer arithmetic prohibited")
            if d.is_const:
                v = bswap(ins.imm // 8)(d.umin) if use_x else d.umin & ((1 << ins.imm) - 1)
                return st.with_reg(ins.dst, const(v))
            return st.with_reg(ins.dst, sized(ins.imm // 8))
        if op == I.BPF_NEG:
            if ins.src or ins.off or ins.imm:
                raise _Reject("BPF_NEG uses reserved fields", errno.EINVAL)
        elif use_x:
            if ins.imm or ins.off:
                raise _Reject(f"{name} uses reserved fields", errno.EINVAL)
        elif ins.src or ins.off:
            raise _Reject(f"{name} uses reserved fields", errno.EINVAL)
        src = self.read_reg(st, ins.src) if use_x else const(
            ins.imm & (M64 if wide else M32))
        if op != I.BPF_MOV:
            self.read_reg(st, ins.dst)
        self.write_check(ins.dst)
        if not use_x and op in (I.BPF_DIV, I.BPF_MOD) and ins.imm == 0:
            raise _Reject("div by zero", errno.EINVAL)
        if not use_x and op in (I.BPF_LSH, I.BPF_RSH, I.BPF_ARSH) and \
                not 0 <= ins.imm < (64 if wide else 32):
            raise _Reject(f"invalid shift {ins.imm}", errno.EINVAL)
        dst = st.regs[ins.dst]
        if op == I.BPF_MOV:
            if not wide:
                if src.t != SCALAR:
                    return st.with_reg(ins.dst, Reg(SCALAR, umax=M32))
                return st.with_reg(ins.dst, _trunc32(src))
            return st.with_reg(ins.dst, src)
        if dst.t != SCALAR or src.t != SCALAR:
            return st.with_reg(ins.dst, self.ptr_alu(ins, op, wide, dst, src))
        return st.with_reg(ins.dst, _scalar_alu(op, wide, dst, src))

    def ptr_alu(self, ins: I.Insn, op: int, wide: bool, dst: Reg, src: Reg) -> Reg:
        r = ins.dst
        if not wide:
            raise _Reject(f"R{r} 32-bit pointer arithmetic prohibited")
        if dst.t != SCALAR and src.t != SCALAR:
            if op == I.BPF_SUB and dst.t == src.t:
                return UNKNOWN
            raise _Reject(f"R{r} pointer {'+=' if op == I.BPF_ADD else 'op'} pointer "
                          "prohibited")
        if op not in (I.BPF_ADD, I.BPF_SUB):
            raise _Reject(f"R{r} pointer arithmetic with {_OPNAME.get(op, '?')} operator "
                          "prohibited")
        if dst.t == SCALAR:
            if op == I.BPF_SUB:
                raise _Reject(f"R{r} tried to subtract pointer from scalar")
            ptr, off = src, dst
        else:
            ptr, off = dst, src
        if ptr.t in (MAP_PTR, MAP_VALUE_OR_NULL, PKT_END):
            raise _Reject(f"R{r} pointer arithmetic on {TYPE_STR[ptr.t]} prohibited")
        if off.is_const:
            v = off.umin if off.umin < (1 << 63) else off.umin - (1 << 64)
            if op == I.BPF_SUB:
                v = -v
            return attrs.evolve(ptr, off=ptr.off + v)
        if op == I.BPF_SUB:
            raise _Reject(f"R{r} variable subtraction from pointer prohibited")
        if off.umax >= BPF_MAX_VAR_OFF:
            raise _Reject(f"R{r} unbounded memory access, make sure to bounds check any such "
                          "access" if ptr.t == MAP_VALUE else
                          "math between pkt pointer and register with unbounded min value "
                          "is not allowed")
        if ptr.t in (PKT, PKT_META):
            return attrs.evolve(ptr, var=ptr.var + off.umax, id=self.new_id(), rng=0)
        if ptr.t == MAP_VALUE:
            return attrs.evolve(ptr, var=ptr.var + off.umax)
        return attrs.evolve(ptr, var=ptr.var + off.umax)

    # -- memory ------------------------------------------------------------------------
    def ldx(self, pc: int, ins: I.Insn, st: State) -> State:
        if ins.imm:
            raise _Reject("BPF_LDX uses reserved fields", errno.EINVAL)
        size = I.SIZE_BYTES[I.bpf_size(ins.code)]
        base = self.read_reg(st, ins.src)
        self.write_check(ins.dst)
        if base.t == CTX:
            self.ctx_loads.add(pc)
        val, st = self.access(st, ins.src, base, ins.off, size, write=False)
        return st.with_reg(ins.dst, val)

    def store(self, ins: I.Insn, st: State) -> State:
        size = I.SIZE_BYTES[I.bpf_size(ins.code)]
        cls = I.bpf_class(ins.code)
        base = self.read_reg(st, ins.dst)
        if cls == I.BPF_ST:
            if ins.src:
                raise _Reject("BPF_ST uses reserved fields", errno.EINVAL)
            val = const(ins.imm)
        else:
            val = self.read_reg(st, ins.src)
            if I.bpf_mode(ins.code) == I.BPF_ATOMIC:
                return self.atomic(ins, st, base, size)
            if ins.imm:
                raise _Reject("BPF_STX uses reserved fields", errno.EINVAL)
        _, st = self.access(st, ins.dst, base, ins.off, size, write=True, value=val)
        return st

    def atomic(self, ins: I.Insn, st: State, base: Reg, size: int) -> State:
        if ins.imm not in (I.BPF_ADD, I.BPF_OR, I.BPF_AND, I.BPF_XOR) and \
                ins.imm & ~I.BPF_FETCH not in (I.BPF_ADD, I.BPF_OR, I.BPF_AND, I.BPF_XOR) and \
                ins.imm not in (I.BPF_XCHG, I.BPF_CMPXCHG):
            raise _Reject(f"BPF_ATOMIC uses invalid atomic opcode {ins.imm:02x}", errno.EINVAL)
        if ins.imm == I.BPF_CMPXCHG:
            self.read_reg(st, 0)
        if base.t in (CTX, PKT, PKT_META):
            raise _Reject(f"BPF_ATOMIC stores into R{ins.dst} {TYPE_STR[base.t]} is not allowed")
        _, st = self.access(st, ins.dst, base, ins.off, size, write=False)
        _, st = self.access(st, ins.dst, base, ins.off, size, write=True, value=UNKNOWN)
        if ins.imm == I.BPF_CMPXCHG:
            return st.with_reg(0, sized(size))
        if ins.imm & I.BPF_FETCH:
            return st.with_reg(ins.src, sized(size))
        return st

    def access(self, st: State, r: int, base: Reg, insn_off: int, size: int, *, write: bool,
               value: Reg = UNKNOWN) -> tuple[Reg, State]:
        """``check_mem_access()``: returns the loaded value and the updated state."""
        t = base.t
        off = base.off + insn_off
        if t == STACK:
            if base.var:
                raise _Reject(f"R{r} variable stack access prohibited")
            if off < -I.MAX_BPF_STACK or off + size > 0 or off >= 0:
                kind = "write to" if write else "read from"
                raise _Reject(f"invalid {kind} stack R{r} off={off} size={size}")
            return self.stack_access(st, off, size, write, value)
        if t == CTX:
            if base.off or base.var:
                raise _Reject(f"dereference of modified ctx ptr R{r} off={base.off} disallowed")
            err = C.access_error(insn_off, size, write)
            if err:
                raise _Reject(err)
            if not write and insn_off in C.PKT_POINTER_FIELDS:
                kind = {"pkt": PKT, "pkt_end": PKT_END, "pkt_meta": PKT_META}[
                    C.PKT_POINTER_FIELDS[insn_off]]
                return Reg(kind), st
            return sized(size), st
        if t in (PKT, PKT_META):
            if off < 0 or off + size > base.rng:
                raise _Reject(
                    f"invalid access to packet, off={off} size={size}, "
                    f"R{r}(id={base.id},off={base.off},r={base.rng})\n"
                    f"R{r} offset is outside of the packet")
            return sized(size), st
        if t == MAP_VALUE:
            m = base.map
            assert m is not None
            if off < 0 or off + base.var + size > m.value_size:
                raise _Reject(f"invalid access to map value, value_size={m.value_size} "
                              f"off={off} size={size}")
            if write and m.readonly:
                raise _Reject(f"write into map forbidden, value_size={m.value_size} "
                              f"off={off} size={size}")
            return sized(size), st
        raise _Reject(f"R{r} invalid mem access '{TYPE_STR[t]}'")

    def stack_access(self, st: State, off: int, size: int, write: bool,
                     value: Reg) -> tuple[Reg, State]:
        bits = _bits(off, size)
        spills = dict(st.spills)
        if write:
            for so in list(spills):
                if so < off + size and off < so + 8:
                    del spills[so]
            if size == 8 and off % 8 == 0 and (value.t != SCALAR or value.is_const):
                spills[off] = value
            return UNKNOWN, attrs.evolve(st, stack_init=st.stack_init | bits,
                                         spills=tuple(sorted(spills.items(),
                                                             key=lambda kv: kv[0])))
        if st.stack_init & bits != bits and not self.allow_uninit_stack:
            raise _Reject(f"invalid read from stack off {off}+0 size {size}")
        if off in spills and size == 8:
            return spills[off], st
        for so, reg in spills.items():
            if so <= off and off + size <= so + 8 and reg.is_const:
                shift = 8 * (off - so)
                return const((reg.umin >> shift) & ((1 << (8 * size)) - 1)), st
        return sized(size), st

    def mem_arg(self, st: State, r: int, reg: Reg, size: int, *, init: bool,
                write: bool) -> State:
        """``check_helper_mem_access()``: ``size`` bytes at ``reg`` for a helper."""
        if reg.t == STACK:
            off = reg.off
            if reg.var or off < -I.MAX_BPF_STACK or off + size > 0:
                raise _Reject(f"invalid indirect access to stack R{r} off={off} size={size}")
            bits = _bits(off, size)
            if init and st.stack_init & bits != bits and not self.allow_uninit_stack:
                raise _Reject(f"invalid indirect read from stack R{r} off {off}+0 size {size}")
            if write:
                _, st = self.stack_access(st, off, size, True, UNKNOWN)
            return st
        if reg.t in (PKT, PKT_META, MAP_VALUE):
            self.access(st, r, reg, 0, max(size, 1), write=write)
            return st
        raise _Reject(f"R{r} type={TYPE_STR[reg.t]} expected=fp, pkt, pkt_meta, map_key, "
                      "map_value")

    # -- calls ---------------------------------------------------------------------------
    def call(self, pc: int, ins: I.Insn, st: State) -> State:
        hid = ins.imm
        proto = H.PROTOS.get(hid)
        if proto is None:
            raise _Reject(f"unknown func #{hid}" if 0 <= hid < 256 else
                          f"invalid func unknown#{hid}", errno.EINVAL)
        if proto.gpl_only and not self.gpl:
            raise _Reject("cannot call GPL-restricted function from non-GPL compatible program",
                          errno.EINVAL)
        fname = f"bpf_{proto.name}#{hid}"
        m: Map | None = None
        for i, at in enumerate(proto.args):
            r = i + 1
            reg = self.read_reg(st, r)
            if at == H.CONST_MAP_PTR:
                if reg.t != MAP_PTR:
                    raise _Reject(f"R{r} type={TYPE_STR[reg.t]} expected=map_ptr")
                m = reg.map
                assert m is not None
                is_prog_array = m.map_type == BPF_MAP_TYPE_PROG_ARRAY
                if is_prog_array != (hid == 12):
                    raise _Reject(f"cannot pass map_type {m.map_type} into func {fname}")
            elif at == H.PTR_TO_CTX:
                if reg.t != CTX:
                    raise _Reject(f"R{r} type={TYPE_STR[reg.t]} expected=ctx")
                if reg.off:
                    raise _Reject(f"dereference of modified ctx ptr R{r} off={reg.off} "
                                  "disallowed")
            elif at in (H.PTR_TO_MAP_KEY, H.PTR_TO_MAP_VALUE):
                assert m is not None
                n = m.key_size if at == H.PTR_TO_MAP_KEY else m.value_size
                st = self.mem_arg(st, r, reg, n, init=True, write=False)
            elif at in (H.PTR_TO_MEM, H.PTR_TO_UNINIT_MEM):
                size_reg = self.read_reg(st, r + 1)
                if size_reg.t != SCALAR:
                    raise _Reject(f"R{r + 1} type={TYPE_STR[size_reg.t]} expected=scalar")
                if size_reg.umin == 0 or size_reg.umax > 0xFFFF:
                    what = "zero-sized read" if size_reg.umax == 0 else "unbounded memory access"
                    raise _Reject(f"R{r + 1} invalid {what}" if size_reg.umax == 0 else
                                  f"R{r + 1} {what}, use 'var &= const' or 'if (var < const)'")
                st = self.mem_arg(st, r, reg, size_reg.umax, init=at == H.PTR_TO_MEM,
                                  write=at == H.PTR_TO_UNINIT_MEM)
        st = self.clobber_caller_saved(st)
        if hid in PKT_CHANGING_HELPERS:  # clear_all_pkt_pointers()
            regs = tuple(UNKNOWN if r.t in (PKT, PKT_END, PKT_META) else r for r in st.regs)
            spills = tuple((o, UNKNOWN if r.t in (PKT, PKT_END, PKT_META) else r)
                           for o, r in st.spills)
            st = attrs.evolve(st, regs=regs, spills=spills)
        if proto.ret == H.RET_MAP_VALUE_OR_NULL:
            return st.with_reg(0, Reg(MAP_VALUE_OR_NULL, map=m, id=self.new_id()))
        if proto.ret == H.RET_VOID:
            return st.with_reg(0, UNINIT)
        return st.with_reg(0, UNKNOWN)

    # -- conditional jumps ---------------------------------------------------------------
    def cond_jump(self, pc: int, ins: I.Insn, st: State):
        wide = I.bpf_class(ins.code) == I.BPF_JMP
        op, use_x = I.bpf_op(ins.code), I.bpf_src(ins.code) == I.BPF_X
        if (use_x and ins.imm) or (not use_x and ins.src):
            raise _Reject("BPF_JMP/JMP32 uses reserved fields", errno.EINVAL)
        dst = self.read_reg(st, ins.dst)
        src = self.read_reg(st, ins.src) if use_x else const(ins.imm if wide else
                                                              ins.imm & M32)
        target = pc + 1 + ins.off
        taken, fall = st, st
        if dst.t == SCALAR and src.t == SCALAR:
            decided = _decide(op, wide, dst, src)
            if decided is True:
                return (target, st), None
            if decided is False:
                return (pc + 1, st), None
            if src.is_const and (wide or dst.umax <= M32):
                t_reg = _refine(dst, op, src.umin & (M64 if wide else M32), True)
                f_reg = _refine(dst, op, src.umin & (M64 if wide else M32), False)
                if t_reg is None:
                    return (pc + 1, st), None
                if f_reg is None:
                    return (target, st), None
                taken, fall = st.with_reg(ins.dst, t_reg), st.with_reg(ins.dst, f_reg)
        elif dst.t == MAP_VALUE_OR_NULL and src.is_const and src.umin == 0 and wide and \
                op in (I.BPF_JEQ, I.BPF_JNE):
            null = _mark_or_null(st, dst.id, null=True)
            nonnull = _mark_or_null(st, dst.id, null=False)
            taken, fall = (null, nonnull) if op == I.BPF_JEQ else (nonnull, null)
        elif use_x and wide:
            taken, fall = self.pkt_compare(op, ins, dst, src, st)
        return (pc + 1, fall), (target, taken)

    def pkt_compare(self, op: int, ins: I.Insn, dst: Reg, src: Reg,
                    st: State) -> tuple[State, State]:
        """``try_match_pkt_pointers()``: learn packet ranges from ``data_end`` compares."""
        taken, fall = st, st
        if dst.t in (PKT, PKT_META) and src.t == PKT_END:
            ptr, flipped = dst, False
        elif dst.t == PKT_END and src.t in (PKT, PKT_META):
            ptr, flipped = src, True
        else:
            return taken, fall
        # (branch that learns, right_open) per op for "ptr OP end"; flipped swaps sides
        table = {I.BPF_JGT: ("fall", False), I.BPF_JLT: ("taken", True),
                 I.BPF_JGE: ("fall", True), I.BPF_JLE: ("taken", False)}
        flip = {I.BPF_JGT: I.BPF_JLT, I.BPF_JLT: I.BPF_JGT, I.BPF_JGE: I.BPF_JLE,
                I.BPF_JLE: I.BPF_JGE}
        key = flip.get(op) if flipped else op
        if key not in table:
            return taken, fall
        which, right_open = table[key]
        learned = _good_pkt(st, ptr, right_open)
        return (learned, fall) if which == "taken" else (taken, learned)


_OPNAME = {I.BPF_MUL: "*=", I.BPF_DIV: "/=", I.BPF_OR: "|=", I.BPF_AND: "&=",
           I.BPF_LSH: "<<=", I.BPF_RSH: ">>=", I.BPF_MOD: "%=", I.BPF_XOR: "^=",
           I.BPF_ARSH: "s>>=", I.BPF_NEG: "neg"}


def _good_pkt(st: State, ptr: Reg, right_open: bool) -> State:
    """``find_good_pkt_pointers()``: every pkt reg with ``ptr``'s id gets the new range."""
    if ptr.off < 0 or (ptr.off == 0 and right_open):
        return st
    if ptr.var > MAX_PACKET_OFF or ptr.var + ptr.off > MAX_PACKET_OFF:
        return st
    new = ptr.off + (1 if right_open else 0)

    def upd(r: Reg) -> Reg:
        if r.t == ptr.t and r.id == ptr.id and r.rng < new:
            return attrs.evolve(r, rng=new)
        return r

    return attrs.evolve(st, regs=tuple(upd(r) for r in st.regs),
                        spills=tuple((o, upd(r)) for o, r in st.spills))


def _mark_or_null(st: State, rid: int, *, null: bool) -> State:
    def upd(r: Reg) -> Reg:
        if r.t == MAP_VALUE_OR_NULL and r.id == rid:
            return const(0) if null else attrs.evolve(r, t=MAP_VALUE, id=0)
        return r

    return attrs.evolve(st, regs=tuple(upd(r) for r in st.regs),
                        spills=tuple((o, upd(r)) for o, r in st.spills))


def _trunc32(r: Reg) -> Reg:
    if r.is_const:
        return const(r.umin & M32)
    if r.umax <= M32:
        return r
    return Reg(SCALAR, umax=M32)


def _scalar_alu(op: int, wide: bool, a: Reg, b: Reg) -> Reg:
    mask = M64 if wide else M32
    if not wide:
        a, b = _trunc32(a), _trunc32(b)
    if a.is_const and b.is_const:
        return const(_eval(op, wide, a.umin, b.umin))
    bits = 64 if wide else 32
    lo, hi = 0, mask
    if op == I.BPF_ADD and a.umax + b.umax <= mask:
        lo, hi = a.umin + b.umin, a.umax + b.umax
    elif op == I.BPF_SUB and a.umin >= b.umax:
        lo, hi = a.umin - b.umax, a.umax - b.umin
    elif op == I.BPF_MUL and a.umax * b.umax <= mask:
        lo, hi = a.umin * b.umin, a.umax * b.umax
    elif op == I.BPF_AND:
        hi = min(a.umax, b.umax)
    elif op in (I.BPF_OR, I.BPF_XOR):
        hi = (1 << max(a.umax, b.umax).bit_length()) - 1
        lo = max(a.umin, b.umin) if op == I.BPF_OR else 0
    elif op == I.BPF_LSH and b.is_const and (a.umax << b.umin) <= mask:
        lo, hi = a.umin << b.umin, a.umax << b.umin
    elif op == I.BPF_RSH:
        lo, hi = (a.umin >> b.umax, a.umax >> b.umin) if b.umax < bits else (0, a.umax)
    elif op == I.BPF_DIV:
        hi = a.umax
    elif op == I.BPF_MOD:
        hi = min(a.umax, b.umax - 1) if b.umin > 0 else a.umax
    return Reg(SCALAR, umin=lo, umax=hi)


def _eval(op: int, wide: bool, a: int, b: int) -> int:
    """Exact constant folding, same semantics as the engine."""
    mask, bits = (M64, 64) if wide else (M32, 32)
    if op == I.BPF_ADD:
        return (a + b) & mask
    if op == I.BPF_SUB:
        return (a - b) & mask
    if op == I.BPF_MUL:
        return (a * b) & mask
    if op == I.BPF_DIV:
        return a // b if b else 0
    if op == I.BPF_MOD:
        return a % b if b else a
    if op == I.BPF_OR:
        return a | b
    if op == I.BPF_AND:
        return a & b
    if op == I.BPF_XOR:
        return a ^ b
    if op == I.BPF_LSH:
        return (a << (b & (bits - 1))) & mask
    if op == I.BPF_RSH:
        return a >> (b & (bits - 1))
    if op == I.BPF_ARSH:
        sign = 1 << (bits - 1)
        return (((a ^ sign) - sign) >> (b & (bits - 1))) & mask
    if op == I.BPF_NEG:
        return -a & mask
    return b  # MOV


def _decide(op: int, wide: bool, a: Reg, b: Reg) -> bool | None:
    """``is_branch_taken()`` for two constants (or disjoint unsigned ranges)."""
    mask = M64 if wide else M32
    if a.is_const and b.is_const:
        x, y = a.umin & mask, b.umin & mask
        sign = 1 << (63 if wide else 31)
        sx, sy = (x ^ sign) - sign, (y ^ sign) - sign
        return {I.BPF_JEQ: x == y, I.BPF_JNE: x != y, I.BPF_JGT: x > y, I.BPF_JGE: x >= y,
                I.BPF_JLT: x < y, I.BPF_JLE: x <= y, I.BPF_JSET: bool(x & y),
                I.BPF_JSGT: sx > sy, I.BPF_JSGE: sx >= sy, I.BPF_JSLT: sx < sy,
                I.BPF_JSLE: sx <= sy}.get(op)
    if not wide and (a.umax > M32 or b.umax > M32):
        return None
    if op == I.BPF_JGT:
        if a.umin > b.umax:
            return True
        if a.umax <= b.umin:
            return False
    if op == I.BPF_JLT:
        if a.umax < b.umin:
            return True
        if a.umin >= b.umax:
            return False
    if op == I.BPF_JGE:
        if a.umin >= b.umax:
            return True
        if a.umax < b.umin:
            return False
    if op == I.BPF_JLE:
        if a.umax <= b.umin:
            return True
        if a.umin > b.umax:
            return False
    if op in (I.BPF_JEQ, I.BPF_JNE) and (a.umax < b.umin or a.umin > b.umax):
        return op == I.BPF_JNE
    return None


def _refine(r: Reg, op: int, k: int, taken: bool) -> Reg | None:
    """``reg_set_min_max()`` for unsigned compares against a constant."""
    lo, hi = r.umin, r.umax
    if op == I.BPF_JNE:
        op, taken = I.BPF_JEQ, not taken
    if op == I.BPF_JEQ:
        if taken:
            return const(k) if lo <= k <= hi else None
        if lo == hi == k:
            return None
        if lo == k:
            lo += 1
        elif hi == k:
            hi -= 1
    elif op in (I.BPF_JGT, I.BPF_JLE):
        greater = taken == (op == I.BPF_JGT)
        if greater:
            lo = max(lo, k + 1)
        else:
            hi = min(hi, k)
    elif op in (I.BPF_JGE, I.BPF_JLT):
        ge = taken == (op == I.BPF_JGE)
        if ge:
            lo = max(lo, k)
        else:
            if k == 0:
                return None
            hi = min(hi, k - 1)
    else:
        return r
    if lo > hi:
        return None
    return attrs.evolve(r, umin=lo, umax=hi)


def verify(insns: list[I.Insn], maps_by_insn: dict[int, Map] | None = None, *,
           license: str = "GPL", log_level: int = 0, privileged: bool = True
           ) -> VerifierResult:
    """Check a tc program; raise :class:`BpfLoadError` (errno + kernel-style message + log).

    ``privileged`` models a loader with CAP_BPF + CAP_PERFMON (root, as tc runs): reads of
    uninitialised stack are then allowed, as ``env->allow_uninit_stack`` does.
    """
    chk = _Checker(insns, maps_by_insn or {}, license, log_level, privileged)
    try:
        if not insns:
            raise _Reject("empty program", errno.EINVAL)
        if len(insns) > COMPLEXITY_LIMIT:
            raise _Reject(f"program of {len(insns)} insns is too large", errno.E2BIG)
        check_cfg(insns)
        chk.run()
    except _Reject as e:
        chk.log.append(e.msg)
        chk.log.append(_summary(chk))
        raise BpfLoadError(e.err, e.msg, "\n".join(chk.log) + "\n") from None
    chk.log.append(_summary(chk))
    return VerifierResult(chk.ctx_loads, "\n".join(chk.log) + "\n", chk.processed)


def _summary(chk: _Checker) -> str:
    return (f"processed {chk.processed} insns (limit {COMPLEXITY_LIMIT}) "
            f"max_states_per_insn 0 total_states {chk.total_states} "
            f"peak_states {chk.total_states} mark_read 0")
