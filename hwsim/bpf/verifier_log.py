"""The text of a Linux 6.1 (or 6.12: ``trace(..., style="6.12")``) verifier log at
``log_level`` 1, as libbpf prints it after a refused load (``-- BEGIN PROG LOAD LOG --``).

6.12 prints the same walk with another register format (``print_reg_state()`` in
kernel/bpf/log.c: ``R1=ctx()``, ``verbose_snum()``/``verbose_unum()``, merged bounds in
``print_scalar_ranges()``) and source lines with their place (``verbose_linfo()``:
``; return TC_ACT_OK; @ tc_pass.c:8``, a record on the line just printed skipped).

:mod:`hwsim.bpf.verifier` decides *whether* a program is safe; this module only
reproduces *what the 6.1 kernel writes* while ``do_check()`` walks it: the state before
the first instruction (``0: R1=ctx(off=0,imm=0) R10=fp0``), ``; <source line>`` from the
BTF line info whenever it changes (``verbose_linfo()``), each instruction as
``print_bpf_insn()`` prints it, and after it the registers it touched, aligned as
``print_insn_state()``/``vlog_alignment()`` do (``0: (b7) r0 = 0            ; R0_w=0``).

To print the same register states the kernel does, registers are tracked here the way
6.1 tracks them: a tnum (``var_off``) with signed/unsigned 64- and 32-bit bounds
(``reg_bounds_sync()``, ``adjust_scalar_min_max_vals()``, ``reg_set_min_max()``,
``coerce_reg_to_size()``), liveness marks (``_w``, reset at checkpoints, see
``is_state_visited()``), "scratched" registers, packet ranges
(``find_good_pkt_pointers()``), and the level-1 log rewinding when a branch is popped
(``pop_stack()`` → ``bpf_vlog_reset()``).

Scope (docs/bpf.md, "Verifier log text"): scalar ALU/ALU32 ops, ``ld_imm64`` constants,
ctx and packet loads, stores to ctx/packet, ``ja`` and conditional jumps on scalars and
packet pointers, exit. Anything else (helper calls, stack, maps, jmp32, state pruning
against an explored state) makes :func:`trace` return ``None`` and the caller keeps its
approximate log.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence

import attrs

from hwsim.bpf import ctx as C
from hwsim.bpf import insn as I
from hwsim.bpf.disasm import insn_text

M64 = (1 << 64) - 1
M32 = 0xFFFFFFFF
S64_MIN, S64_MAX = -(1 << 63), (1 << 63) - 1
S32_MIN, S32_MAX = -(1 << 31), (1 << 31) - 1
BPF_LOG_ALIGNMENT, BPF_LOG_MIN_ALIGNMENT = 40, 8
MAX_PACKET_OFF = 0xFFFF
AT_PKT_END, BEYOND_PKT_END = -1, -2
LIVE_READ32, LIVE_READ64, LIVE_WRITTEN = 1, 2, 4
LIVE_READ = LIVE_READ32 | LIVE_READ64

NOT_INIT, SCALAR, CTX, STACK, PKT, PKT_END, PKT_META = (
    "?", "scalar", "ctx", "fp", "pkt", "pkt_end", "pkt_meta")
_PKT_FIELD = {"pkt": PKT, "pkt_end": PKT_END, "pkt_meta": PKT_META}


class Unsupported(Exception):
    """Something this module cannot print the way 6.1 does."""


def _s64(v: int) -> int:
    v &= M64
    return v - (1 << 64) if v >> 63 else v


def _s32(v: int) -> int:
    v &= M32
    return v - (1 << 32) if v >> 31 else v


# -- tnums (kernel/bpf/tnum.c) ---------------------------------------------------------

Tnum = tuple[int, int]  # (value, mask)
UNKNOWN_T: Tnum = (0, M64)


def t_const(v: int) -> Tnum:
    return (v & M64, 0)


def t_range(lo: int, hi: int) -> Tnum:
    bits = (lo ^ hi).bit_length()
    if bits > 63:
        return UNKNOWN_T
    delta = (1 << bits) - 1
    return (lo & ~delta & M64, delta)


def t_add(a: Tnum, b: Tnum) -> Tnum:
    sm, sv = (a[1] + b[1]) & M64, (a[0] + b[0]) & M64
    chi = ((sm + sv) & M64) ^ sv
    mu = chi | a[1] | b[1]
    return (sv & ~mu & M64, mu)


def t_sub(a: Tnum, b: Tnum) -> Tnum:
    dv = (a[0] - b[0]) & M64
    chi = ((dv + a[1]) & M64) ^ ((dv - b[1]) & M64)
    mu = chi | a[1] | b[1]
    return (dv & ~mu & M64, mu)


def t_and(a: Tnum, b: Tnum) -> Tnum:
    v = a[0] & b[0]
    return (v, (a[0] | a[1]) & (b[0] | b[1]) & ~v & M64)


def t_or(a: Tnum, b: Tnum) -> Tnum:
    v = a[0] | b[0]
    return (v, (a[1] | b[1]) & ~v & M64)


def t_xor(a: Tnum, b: Tnum) -> Tnum:
    mu = a[1] | b[1]
    return ((a[0] ^ b[0]) & ~mu & M64, mu)


def t_lshift(a: Tnum, s: int) -> Tnum:
    return ((a[0] << s) & M64, (a[1] << s) & M64)


def t_rshift(a: Tnum, s: int) -> Tnum:
    return (a[0] >> s, a[1] >> s)


def t_arshift(a: Tnum, s: int, bits: int) -> Tnum:
    if bits == 32:
        return ((_s32(a[0]) >> s) & M32, (_s32(a[1]) >> s) & M32)
    return ((_s64(a[0]) >> s) & M64, (_s64(a[1]) >> s) & M64)


def t_mul(a: Tnum, b: Tnum) -> Tnum:
    acc_v = (a[0] * b[0]) & M64
    acc_m: Tnum = (0, 0)
    while a[0] or a[1]:
        if a[0] & 1:
            acc_m = t_add(acc_m, (0, b[1]))
        elif a[1] & 1:
            acc_m = t_add(acc_m, (0, b[0] | b[1]))
        a, b = t_rshift(a, 1), t_lshift(b, 1)
    return t_add((acc_v, 0), acc_m)


def t_intersect(a: Tnum, b: Tnum) -> Tnum:
    v, mu = a[0] | b[0], a[1] & b[1]
    return (v & ~mu & M64, mu)


def t_subreg(a: Tnum) -> Tnum:
    return (a[0] & M32, a[1] & M32)


def t_clear_subreg(a: Tnum) -> Tnum:
    return (a[0] & ~M32 & M64, a[1] & ~M32 & M64)


def t_is_const(a: Tnum) -> bool:
    return a[1] == 0


# -- register state ---------------------------------------------------------------------

@attrs.define
class Reg:
    """``struct bpf_reg_state``, the parts the 6.1 log shows."""

    t: str = NOT_INIT
    off: int = 0
    rng: int = 0
    id: int = 0
    var: Tnum = UNKNOWN_T
    smin: int = S64_MIN
    smax: int = S64_MAX
    umin: int = 0
    umax: int = M64
    s32min: int = S32_MIN
    s32max: int = S32_MAX
    u32min: int = 0
    u32max: int = M32
    live: int = 0
    precise: bool = False


def unknown(r: Reg) -> None:
    """``__mark_reg_unknown()`` (liveness is kept, as the kernel's memset stops before it)."""
    r.t, r.off, r.rng, r.id, r.var, r.precise = SCALAR, 0, 0, 0, UNKNOWN_T, False
    unbounded(r)


def unbounded(r: Reg) -> None:
    r.smin, r.smax, r.umin, r.umax = S64_MIN, S64_MAX, 0, M64
    r.s32min, r.s32max, r.u32min, r.u32max = S32_MIN, S32_MAX, 0, M32


def unbounded64(r: Reg) -> None:
    r.smin, r.smax, r.umin, r.umax = S64_MIN, S64_MAX, 0, M64


def unbounded32(r: Reg) -> None:
    r.s32min, r.s32max, r.u32min, r.u32max = S32_MIN, S32_MAX, 0, M32


def known_(r: Reg, v: int) -> None:
    """``___mark_reg_known()``."""
    v &= M64
    r.var = (v, 0)
    r.smin = r.smax = _s64(v)
    r.umin = r.umax = v
    r.s32min = r.s32max = _s32(v)
    r.u32min = r.u32max = v & M32


def known(r: Reg, v: int) -> None:
    """``__mark_reg_known()``: also clears id, off and range."""
    r.off = r.rng = r.id = 0
    known_(r, v)


def known32(r: Reg, v: int) -> None:
    r.var = ((r.var[0] & ~M32 & M64) | (v & M32), r.var[1] & ~M32 & M64)
    r.s32min = r.s32max = _s32(v)
    r.u32min = r.u32max = v & M32


def known_zero_ptr(r: Reg, t: str) -> None:
    known(r, 0)
    r.t, r.precise = t, False


def update_bounds(r: Reg) -> None:
    """``__update_reg_bounds()``."""
    v32, m32 = t_subreg(r.var)
    r.s32min = max(r.s32min, _s32(v32 | (m32 & 0x80000000)))
    r.s32max = min(r.s32max, _s32(v32 | (m32 & 0x7FFFFFFF)))
    r.u32min = max(r.u32min, v32)
    r.u32max = min(r.u32max, v32 | m32)
    v, m = r.var
    r.smin = max(r.smin, _s64(v | (m & (1 << 63))))
    r.smax = min(r.smax, _s64(v | (m & ((1 << 63) - 1))))
    r.umin = max(r.umin, v)
    r.umax = min(r.umax, v | m)


def deduce_bounds(r: Reg) -> None:
    """``__reg_deduce_bounds()``: signed and unsigned bounds inform each other."""
    if r.s32min >= 0 or r.s32max < 0:
        lo = max(r.s32min & M32, r.u32min)
        hi = min(r.s32max & M32, r.u32max)
        r.s32min, r.u32min, r.s32max, r.u32max = _s32(lo), lo, _s32(hi), hi
    elif _s32(r.u32max) >= 0:
        r.s32min = r.u32min
        hi = min(r.s32max & M32, r.u32max)
        r.s32max, r.u32max = _s32(hi), hi
    elif _s32(r.u32min) < 0:
        lo = max(r.s32min & M32, r.u32min)
        r.s32min, r.u32min = _s32(lo), lo
        r.s32max = _s32(r.u32max)
    if r.smin >= 0 or r.smax < 0:
        lo = max(r.smin & M64, r.umin)
        hi = min(r.smax & M64, r.umax)
        r.smin, r.umin, r.smax, r.umax = _s64(lo), lo, _s64(hi), hi
    elif _s64(r.umax) >= 0:
        r.smin = r.umin
        hi = min(r.smax & M64, r.umax)
        r.smax, r.umax = _s64(hi), hi
    elif _s64(r.umin) < 0:
        lo = max(r.smin & M64, r.umin)
        r.smin, r.umin = _s64(lo), lo
        r.smax = _s64(r.umax)


def bound_offset(r: Reg) -> None:
    """``__reg_bound_offset()``."""
    v64 = t_intersect(r.var, t_range(r.umin, r.umax))
    v32 = t_intersect(t_subreg(v64), t_range(r.u32min, r.u32max))
    r.var = t_or(t_clear_subreg(v64), v32)


def bounds_sync(r: Reg) -> None:
    update_bounds(r)
    deduce_bounds(r)
    bound_offset(r)
    update_bounds(r)


def assign_32_into_64(r: Reg) -> None:
    r.umin, r.umax = r.u32min, r.u32max
    if r.s32min >= 0 and r.s32max >= 0:
        r.smin, r.smax = r.s32min, r.s32max
    else:
        r.smin, r.smax = 0, M32


def combine_32_into_64(r: Reg) -> None:
    if t_clear_subreg(r.var) == (0, 0):
        assign_32_into_64(r)
    else:
        unbounded64(r)
    bounds_sync(r)


def combine_64_into_32(r: Reg) -> None:
    unbounded32(r)
    if S32_MIN <= r.smin <= S32_MAX and S32_MIN <= r.smax <= S32_MAX:
        r.s32min, r.s32max = r.smin, r.smax
    if r.umin <= M32 and r.umax <= M32:
        r.u32min, r.u32max = r.umin, r.umax
    bounds_sync(r)


def zext_32_to_64(r: Reg) -> None:
    r.var = t_subreg(r.var)
    assign_32_into_64(r)


def coerce_to_size(r: Reg, size: int) -> None:
    """``coerce_reg_to_size()``: a b/h/w load zero-extends."""
    mask = (1 << (size * 8)) - 1
    r.var = (r.var[0] & mask, r.var[1] & mask)
    if (r.umin & ~mask) == (r.umax & ~mask):
        r.umin &= mask
        r.umax &= mask
    else:
        r.umin, r.umax = 0, mask
    r.smin, r.smax = r.umin, r.umax
    if size < 4:
        combine_64_into_32(r)


# -- printing ---------------------------------------------------------------------------

def _liveness(live: int) -> str:
    s = "_" if live else ""
    if live & LIVE_READ:
        s += "r"
    if live & LIVE_WRITTEN:
        s += "w"
    return s


def _snum(v: int) -> str:
    """6.12's ``verbose_snum()``: decimal within s16, else ``%#llx`` of the u64."""
    v = _s64(v)
    return str(v) if -(1 << 15) <= v <= (1 << 15) - 1 else f"{v & M64:#x}"


def _unum(v: int) -> str:
    """6.12's ``verbose_unum()``: decimal up to u16, else ``%#llx``."""
    return str(v) if v <= 0xFFFF else f"{v:#x}"


def _scalar_ranges_612(r: Reg) -> list[str]:
    """6.12's ``print_scalar_ranges()``: the eight bounds in order, each omitted at its
    default, equal ones of the same sign merged into the first (``smin=smin32=0``)."""
    def s32v(v: int) -> int:
        return v if -(1 << 15) <= v <= (1 << 15) - 1 else v & M32
    mm = [["smin", r.smin & M64, r.smin == S64_MIN], ["smax", r.smax & M64, r.smax == S64_MAX],
          ["umin", r.umin, r.umin == 0], ["umax", r.umax, r.umax == M64],
          ["smin32", s32v(r.s32min) & M64, r.s32min == S32_MIN],
          ["smax32", s32v(r.s32max) & M64, r.s32max == S32_MAX],
          ["umin32", r.u32min, r.u32min == 0], ["umax32", r.u32max, r.u32max == M32]]
    out = []
    for i, m1 in enumerate(mm):
        if m1[2]:
            continue
        neg1 = m1[0][0] == "s" and _s64(m1[1]) < 0
        text = f"{m1[0]}="
        for m2 in mm[i + 2::2]:
            if m2[2] or m2[1] != m1[1]:
                continue
            if (m2[0][0] == "s" and _s64(m2[1]) < 0) != neg1:
                continue
            m2[2] = True
            text += f"{m2[0]}="
        out.append(text + (_snum(m1[1]) if m1[0][0] == "s" else _unum(m1[1])))
    return out


def reg_str_612(r: Reg) -> str:
    """6.12's ``print_reg_state()``: no ``off=0``/``imm=0`` on pointers, s16/u16 decimal
    numbers (hex beyond), merged scalar bounds, ``var_off`` as ``tnum_strn()``."""
    out = "P" if r.t == SCALAR and r.precise else ""
    if r.t == SCALAR and t_is_const(r.var):
        return out + _snum(r.var[0])
    if r.t == STACK and t_is_const(r.var):
        return out + r.t + _snum(r.var[0] + r.off)
    parts = []
    if r.id:
        parts.append(f"id={r.id}")
    if r.t != SCALAR and r.off:
        parts.append(f"off={_snum(r.off)}")
    if r.t in (PKT, PKT_META):
        parts.append(f"r={_unum(r.rng)}")
    if t_is_const(r.var):
        if r.var[0]:
            parts.append(f"imm={_snum(r.var[0])}")
    else:
        parts += _scalar_ranges_612(r)
        if r.var != UNKNOWN_T:
            parts.append(f"var_off=({r.var[0]:#x}; {r.var[1]:#x})")
    return f"{out}{r.t}({','.join(parts)})"


def reg_str(r: Reg, style: str = "6.1") -> str:
    """What ``print_verifier_state()`` prints after ``Rn`` and its liveness (``style``
    ``"6.12"``: :func:`reg_str_612`)."""
    if style == "6.12":
        return reg_str_612(r)
    out = "P" if r.t == SCALAR and r.precise else ""
    if r.t in (SCALAR, STACK) and t_is_const(r.var):
        return out + ("" if r.t == SCALAR else r.t) + str(_s64(r.var[0] + r.off))
    parts = []
    if r.id:
        parts.append(f"id={r.id}")
    if r.t != SCALAR:
        parts.append(f"off={r.off}")
    if r.t in (PKT, PKT_META):
        parts.append(f"r={r.rng}")
    if t_is_const(r.var):
        parts.append(f"imm={r.var[0]:x}")
    else:
        if r.smin != _s64(r.umin) and r.smin != S64_MIN:
            parts.append(f"smin={r.smin}")
        if r.smax != _s64(r.umax) and r.smax != S64_MAX:
            parts.append(f"smax={r.smax}")
        if r.umin:
            parts.append(f"umin={r.umin}")
        if r.umax != M64:
            parts.append(f"umax={r.umax}")
        if r.var != UNKNOWN_T:
            parts.append(f"var_off=({r.var[0]:#x}; {r.var[1]:#x})")
        # C promotes the 32-bit bound to the 64-bit one's type before comparing
        if r.s32min != r.smin and r.s32min != S32_MIN:
            parts.append(f"s32_min={r.s32min}")
        if r.s32max != r.smax and r.s32max != S32_MAX:
            parts.append(f"s32_max={r.s32max}")
        if r.u32min != r.umin and r.u32min != 0:
            parts.append(f"u32_min={_s32(r.u32min)}")
        if r.u32max != r.umax and r.u32max != M32:
            parts.append(f"u32_max={_s32(r.u32max)}")
    return f"{out}{r.t}({','.join(parts)})"


def state_str(regs: Sequence[Reg], only: set[int] | None, style: str = "6.1") -> str:
    """``print_verifier_state()`` for one frame without stack slots (no stack here)."""
    out = []
    for i, r in enumerate(regs):
        if r.t == NOT_INIT or (only is not None and i not in only):
            continue
        out.append(f" R{i}{_liveness(r.live)}={reg_str(r, style)}")
    return "".join(out)


def kernel_insn_text(ins: I.Insn, hi_imm: int = 0) -> str:
    """``print_bpf_insn()`` text (without the ``N: `` prefix): the shared disassembler,
    except that a conditional jump's immediate is printed as ``0x%x`` of a u32."""
    cls = I.bpf_class(ins.code)
    if cls in (I.BPF_JMP, I.BPF_JMP32) and I.bpf_src(ins.code) == I.BPF_K and \
            I.bpf_op(ins.code) not in (I.BPF_JA, I.BPF_CALL, I.BPF_EXIT):
        p = "r" if cls == I.BPF_JMP else "w"
        op = {I.BPF_JEQ: "==", I.BPF_JNE: "!=", I.BPF_JGT: ">", I.BPF_JGE: ">=",
              I.BPF_JLT: "<", I.BPF_JLE: "<=", I.BPF_JSGT: "s>", I.BPF_JSGE: "s>=",
              I.BPF_JSLT: "s<", I.BPF_JSLE: "s<=", I.BPF_JSET: "&"}[I.bpf_op(ins.code)]
        return f"({ins.code:02x}) if {p}{ins.dst} {op} {ins.imm & M32:#x} goto pc{ins.off:+d}"
    return insn_text(ins, hi_imm)


def vlog_alignment(pos: int) -> int:
    """``vlog_alignment()``: pad so that ``; state`` starts at a multiple of 8 (>= 40)."""
    want = max(pos + BPF_LOG_MIN_ALIGNMENT // 2, BPF_LOG_ALIGNMENT)
    return -(-want // BPF_LOG_MIN_ALIGNMENT) * BPF_LOG_MIN_ALIGNMENT - pos - 1


def find_linfo(linfo: Sequence[tuple[int, str]], idx: int) -> int | None:
    """``find_linfo()``: index of the last line-info record starting at or before ``idx``."""
    if not linfo:
        return None
    i = 1
    while i < len(linfo) and idx >= linfo[i][0]:
        i += 1
    return i - 1


# -- the walk ---------------------------------------------------------------------------

@attrs.define
class Trace:
    """The log ``do_check()`` wrote, and the numbers of its ``processed`` line."""

    lines: list[str]
    processed: int
    total_states: int = 0
    peak_states: int = 0
    max_states_per_insn: int = 0
    mark_read: int = 0

    def processed_line(self) -> str:
        return (f"processed {self.processed} insns (limit 1000000) max_states_per_insn "
                f"{self.max_states_per_insn} total_states {self.total_states} peak_states "
                f"{self.peak_states} mark_read {self.mark_read}")


#: ``bpf_prog_offload_verify_insn()``: called after each instruction is printed with its
#: index; returns the lines the driver logs and an errno (0 to go on).
InsnHook = Callable[[int], tuple[list[str], int]]


class _Log:
    """``struct bpf_verifier_log`` as a growing string (``len_used``) that can rewind."""

    def __init__(self) -> None:
        self.buf = ""

    def write(self, s: str) -> None:
        self.buf += s

    def reset(self, pos: int) -> None:
        self.buf = self.buf[:pos]

    def __len__(self) -> int:
        return len(self.buf)


def _prune_points(insns: Sequence[I.Insn]) -> set[int]:
    """``visit_insn()``'s ``mark_prune_point()`` calls."""
    out = set()
    for pc, ins in enumerate(insns):
        cls, op = I.bpf_class(ins.code), I.bpf_op(ins.code)
        if cls not in (I.BPF_JMP, I.BPF_JMP32) or op == I.BPF_EXIT:
            continue
        if op == I.BPF_CALL:
            out.add(pc + 1)
        elif op == I.BPF_JA:
            out.add(pc + 1 + ins.off)
        else:
            out.update((pc, pc + 1 + ins.off))
    return out


class _Walker:
    def __init__(self, insns: Sequence[I.Insn], linfo: Sequence[tuple[int, str]],
                 hook: InsnHook | None) -> None:
        self.insns = insns
        self.linfo = linfo
        self.hook = hook
        self.log = _Log()
        self.prune = _prune_points(insns)
        self.prev_linfo: int | None = None
        self.style = "6.1"
        self.prev_log_len = 0
        self.prev_insn_print_len = 0
        self.scratched: set[int] = set(range(11))
        self.id_gen = 0
        self.processed = self.jmps = 0
        self.prev_processed = self.prev_jmps = 0
        self.explored: dict[int, int] = {}
        self.total_states = self.peak_states = self.max_states = self.mark_read = 0
        #: per checkpoint (oldest first): the live flags of each register when it was taken
        self.checkpoints: list[list[int]] = []
        #: pushed branches: (insn, registers, log length, checkpoints that are ancestors)
        self.stack: list[tuple[int, list[Reg], int, int]] = []

    # -- kernel helpers -----------------------------------------------------------------
    def reg_arg_src(self, regs: list[Reg], r: int, rw64: bool = True) -> Reg:
        """``check_reg_arg(SRC_OP)``: scratch, require init, ``mark_reg_read()``."""
        self.scratched.add(r)
        reg = regs[r]
        if reg.t == NOT_INIT:
            raise Unsupported(f"R{r} !read_ok")
        if r != 10:
            self.mark_reg_read(r, reg, LIVE_READ64 if rw64 else LIVE_READ32)
        return reg

    def reg_arg_dst(self, regs: list[Reg], r: int, mark: bool) -> Reg:
        if r == 10:
            raise Unsupported("frame pointer is read only")
        self.scratched.add(r)
        reg = regs[r]
        reg.live |= LIVE_WRITTEN
        if mark:
            unknown(reg)
        return reg

    def mark_reg_read(self, r: int, reg: Reg, flag: int) -> None:
        """Walk the parentage chain (the checkpoints) as ``mark_reg_read()`` does."""
        cnt = 0
        child_live = reg.live
        for cp in reversed(self.checkpoints):
            if child_live & LIVE_WRITTEN:
                break
            if (cp[r] & LIVE_READ) == flag or cp[r] & LIVE_READ64:
                break
            cp[r] |= flag
            if flag == LIVE_READ64:
                cp[r] &= ~LIVE_READ32
            child_live = cp[r]
            cnt += 1
        self.mark_read = max(self.mark_read, cnt)

    def print_insn_state(self, regs: list[Reg]) -> None:
        if self.prev_log_len and self.prev_log_len == len(self.log):
            self.log.reset(self.prev_log_len - 1)
            self.log.write(" " * vlog_alignment(self.prev_insn_print_len) + ";")
        else:
            self.log.write(f"{self.idx}:")
        self.log.write(state_str(regs, self.scratched, self.style) + "\n")
        self.scratched = set()

    # -- do_check() -----------------------------------------------------------------------
    def run(self) -> Trace:
        regs = [Reg() for _ in range(11)]
        known_zero_ptr(regs[1], CTX)
        known_zero_ptr(regs[10], STACK)
        self.idx = 0
        n = len(self.insns)
        while True:
            if not 0 <= self.idx < n:
                raise Unsupported("insn index out of range")
            ins = self.insns[self.idx]
            self.processed += 1
            self.state_visited(regs)
            if self.scratched:
                self.print_insn_state(regs)
            li = find_linfo(self.linfo, self.idx)
            if li is not None and li != self.prev_linfo and not (
                    # 6.12's verbose_linfo(): a record of the same file and line as the
                    # previous one printed is skipped (the text carries "@ file:line")
                    self.style == "6.12" and self.prev_linfo is not None
                    and self.linfo[li][1] == self.linfo[self.prev_linfo][1]):
                self.log.write("; " + self.linfo[li][1].lstrip() + "\n")
                self.prev_linfo = li
            self.prev_log_len = len(self.log)
            hi = self.insns[self.idx + 1].imm if ins.code == I.LD_IMM64 else 0
            self.log.write(f"{self.idx}: {kernel_insn_text(ins, hi)}\n")
            self.prev_insn_print_len = len(self.log) - self.prev_log_len
            self.prev_log_len = len(self.log)
            if self.hook is not None:
                lines, err = self.hook(self.idx)
                for line in lines:
                    self.log.write(line + "\n")
                if err:
                    return self.result()
            nxt = self.step(ins, regs)
            if nxt is None:  # exit: pop_stack()
                self.scratched = set(range(11))
                if not self.stack:
                    return self.result()
                self.idx, regs, pos, ncp = self.stack.pop()
                self.log.reset(pos)
                self.checkpoints = self.checkpoints[:ncp]
                if self.idx in self.explored:
                    raise Unsupported("pruning against an explored state")
                continue
            self.idx = nxt

    def result(self) -> Trace:
        return Trace(self.log.buf.rstrip("\n").split("\n"), self.processed, self.total_states,
                     self.peak_states, self.max_states, self.mark_read)

    def state_visited(self, regs: list[Reg]) -> None:
        """``is_state_visited()`` when nothing is pruned: maybe take a checkpoint."""
        if self.idx not in self.prune:
            return
        cnt = self.explored.get(self.idx, 0)
        if cnt:
            raise Unsupported("pruning against an explored state")
        self.max_states = max(self.max_states, cnt)
        if self.jmps - self.prev_jmps >= 2 and self.processed - self.prev_processed >= 8:
            self.explored[self.idx] = cnt + 1
            self.total_states += 1
            self.peak_states += 1
            self.prev_jmps, self.prev_processed = self.jmps, self.processed
            self.checkpoints.append([r.live for r in regs])
            for r in regs[:10]:
                r.live = 0

    def step(self, ins: I.Insn, regs: list[Reg]) -> int | None:
        cls, op = I.bpf_class(ins.code), I.bpf_op(ins.code)
        pc = self.idx
        if cls in (I.BPF_ALU, I.BPF_ALU64):
            self.alu(ins, regs)
            return pc + 1
        if cls == I.BPF_LDX:
            if I.bpf_mode(ins.code) != I.BPF_MEM:
                raise Unsupported("ldx mode")
            base = self.reg_arg_src(regs, ins.src)
            self.reg_arg_dst(regs, ins.dst, mark=False)
            size = I.SIZE_BYTES[I.bpf_size(ins.code)]
            dst = regs[ins.dst]
            if base.t == CTX and not base.off:
                kind = C.PKT_POINTER_FIELDS.get(ins.off)
                if kind is not None:
                    known_zero_ptr(dst, _PKT_FIELD[kind])
                    return pc + 1
            elif base.t not in (PKT, PKT_META):
                raise Unsupported(f"load from {base.t}")
            unknown(dst)
            if size < 8:
                coerce_to_size(dst, size)
            return pc + 1
        if cls in (I.BPF_ST, I.BPF_STX):
            if I.bpf_mode(ins.code) != I.BPF_MEM:
                raise Unsupported("atomic")
            if cls == I.BPF_STX:
                wide = I.bpf_size(ins.code) == I.BPF_DW or regs[ins.src].t != SCALAR
                self.reg_arg_src(regs, ins.src, rw64=wide)
            base = self.reg_arg_src(regs, ins.dst)
            if base.t not in (CTX, PKT, PKT_META):
                raise Unsupported(f"store to {base.t}")
            return pc + 1
        if cls == I.BPF_LD:
            if ins.code != I.LD_IMM64 or ins.src:
                raise Unsupported("ld_abs/ind or map load")
            dst = self.reg_arg_dst(regs, ins.dst, mark=True)
            known(dst, ((self.insns[pc + 1].imm & M32) << 32) | (ins.imm & M32))
            return pc + 2
        self.jmps += 1
        if op == I.BPF_EXIT:
            self.reg_arg_src(regs, 0)
            return None
        if op == I.BPF_JA and cls == I.BPF_JMP:
            return pc + 1 + ins.off
        if op == I.BPF_CALL or cls == I.BPF_JMP32:
            raise Unsupported("call or jmp32")
        return self.cond_jmp(ins, regs)

    # -- ALU ------------------------------------------------------------------------------
    def alu(self, ins: I.Insn, regs: list[Reg]) -> None:
        op, use_x = I.bpf_op(ins.code), I.bpf_src(ins.code) == I.BPF_X
        wide = I.bpf_class(ins.code) == I.BPF_ALU64
        if op in (I.BPF_END, I.BPF_NEG):
            self.reg_arg_src(regs, ins.dst)
            self.reg_arg_dst(regs, ins.dst, mark=True)
            return
        if op == I.BPF_MOV:
            if use_x:
                src = self.reg_arg_src(regs, ins.src, rw64=wide)
            dst = self.reg_arg_dst(regs, ins.dst, mark=False)
            if not use_x:
                unknown(dst)
                known(dst, ins.imm if wide else ins.imm & M32)
                return
            if wide:
                if src.t == SCALAR and not src.id:
                    self.id_gen += 1
                    src.id = self.id_gen
                live = dst.live
                regs[ins.dst] = dst = copy.copy(src)
                dst.live = live | LIVE_WRITTEN
                return
            if src.t != SCALAR:
                raise Unsupported("32-bit copy of a pointer")
            live = dst.live
            regs[ins.dst] = dst = copy.copy(src)
            dst.id, dst.live = 0, live | LIVE_WRITTEN
            zext_32_to_64(dst)
            bounds_sync(dst)
            return
        if use_x:
            src = self.reg_arg_src(regs, ins.src, rw64=wide)
        self.reg_arg_src(regs, ins.dst, rw64=wide)
        dst = self.reg_arg_dst(regs, ins.dst, mark=False)
        if use_x:
            if src.t != SCALAR or dst.t != SCALAR:
                raise Unsupported("pointer arithmetic with a register")
            if dst.precise:
                raise Unsupported("precision tracking")
            src = copy.copy(src)
        else:
            src = Reg(SCALAR)
            known(src, ins.imm)
        if dst.t != SCALAR:
            self.ptr_add_k(ins, dst, op, wide, src)
            return
        dst.id = 0
        self.scalar_alu(op, wide, dst, src)

    def ptr_add_k(self, ins: I.Insn, dst: Reg, op: int, wide: bool, src: Reg) -> None:
        """``adjust_ptr_min_max_vals()`` for pointer += / -= constant."""
        if not wide or op not in (I.BPF_ADD, I.BPF_SUB) or dst.t not in (PKT, PKT_META, STACK):
            raise Unsupported("pointer arithmetic")
        v = src.smin if op == I.BPF_ADD else -src.smin
        if not S32_MIN <= dst.off + v <= S32_MAX:
            raise Unsupported("pointer offset overflow")
        dst.off += v

    def scalar_alu(self, op: int, wide: bool, d: Reg, s: Reg) -> None:
        """``adjust_scalar_min_max_vals()``."""
        if wide:
            src_known = t_is_const(s.var)
            bad = (src_known and (s.smin != s.smax or s.umin != s.umax)) or \
                s.smin > s.smax or s.umin > s.umax
        else:
            src_known = t_is_const(t_subreg(s.var))
            bad = (src_known and (s.s32min != s.s32max or s.u32min != s.u32max)) or \
                s.s32min > s.s32max or s.u32min > s.u32max
        if bad or (not src_known and op not in (I.BPF_ADD, I.BPF_SUB, I.BPF_AND)):
            unknown(d)
            return
        bits = 64 if wide else 32
        if op == I.BPF_ADD:
            _add32(d, s)
            _add64(d, s)
            d.var = t_add(d.var, s.var)
        elif op == I.BPF_SUB:
            _sub32(d, s)
            _sub64(d, s)
            d.var = t_sub(d.var, s.var)
        elif op == I.BPF_MUL:
            d.var = t_mul(d.var, s.var)
            _mul32(d, s)
            _mul64(d, s)
        elif op in (I.BPF_AND, I.BPF_OR, I.BPF_XOR):
            d.var = {I.BPF_AND: t_and, I.BPF_OR: t_or, I.BPF_XOR: t_xor}[op](d.var, s.var)
            _bitop32(op, d, s)
            _bitop64(op, d, s)
        elif op in (I.BPF_LSH, I.BPF_RSH, I.BPF_ARSH):
            if s.umax >= bits:
                unknown(d)
            else:
                _shift(op, wide, d, s)
        else:
            unknown(d)
        if not wide:
            zext_32_to_64(d)
        bounds_sync(d)

    # -- jumps ------------------------------------------------------------------------------
    def cond_jmp(self, ins: I.Insn, regs: list[Reg]) -> int:
        op, use_x = I.bpf_op(ins.code), I.bpf_src(ins.code) == I.BPF_X
        pc = self.idx
        target = pc + 1 + ins.off
        src = self.reg_arg_src(regs, ins.src) if use_x else None
        dst = self.reg_arg_src(regs, ins.dst)
        pred = -1
        if not use_x:
            pred = _branch_taken(dst, ins.imm & M64, op)
        elif src is not None and src.t == SCALAR and t_is_const(src.var):
            pred = _branch_taken(dst, src.var[0], op)
        elif src is not None and {dst.t, src.t} <= {PKT, PKT_END, PKT_META}:
            pkt = dst if src.t == PKT_END else src if dst.t == PKT_END else None
            if pkt is not None and pkt.rng < 0:
                raise Unsupported("comparison against a pkt_end mark")
        if pred >= 0:
            if dst.t == SCALAR:
                dst.precise = True
            if use_x and src is not None and src.t == SCALAR:
                src.precise = True
            if dst.t == SCALAR and (len(self.checkpoints) or use_x):
                raise Unsupported("precision backtracking")
            self.print_insn_state(regs)
            return target if pred == 1 else pc + 1
        other = [copy.copy(r) for r in regs]
        if use_x:
            assert src is not None
            if dst.t == SCALAR and src.t == SCALAR:
                if t_is_const(src.var):
                    _set_min_max(other[ins.dst], dst, src.var[0], op)
                elif t_is_const(dst.var):
                    _set_min_max(other[ins.src], src, dst.var[0], _FLIP[op])
                else:
                    raise Unsupported("scalar compare of two unknowns")
                if src.id:
                    raise Unsupported("find_equal_scalars")
            elif dst.t == SCALAR or src.t == SCALAR:
                raise Unsupported("pointer compared with a scalar")
        elif dst.t == SCALAR:
            _set_min_max(other[ins.dst], dst, ins.imm, op)
        if dst.t == SCALAR and dst.id:
            raise Unsupported("find_equal_scalars")
        if dst.t != SCALAR and (not use_x or not self.match_pkt(op, ins, regs, other)):
            raise Unsupported("pointer comparison")
        self.stack.append((target, other, len(self.log), len(self.checkpoints)))
        self.print_insn_state(regs)
        return pc + 1

    def match_pkt(self, op: int, ins: I.Insn, this: list[Reg], other: list[Reg]) -> bool:
        """``try_match_pkt_pointers()`` for pkt against pkt_end."""
        d, s = this[ins.dst].t, this[ins.src].t
        if (d, s) == (PKT, PKT_END):
            r, flipped = ins.dst, False
        elif (d, s) == (PKT_END, PKT):
            r, flipped = ins.src, True
        else:
            return False
        # (state that learns the range, right-open, state marked at/beyond pkt_end, beyond)
        table = {
            (I.BPF_JGT, False): (this, False, other, True),
            (I.BPF_JGT, True): (other, True, this, False),
            (I.BPF_JLT, False): (other, True, this, False),
            (I.BPF_JLT, True): (this, False, other, True),
            (I.BPF_JGE, False): (this, True, other, False),
            (I.BPF_JGE, True): (other, False, this, True),
            (I.BPF_JLE, False): (other, False, this, True),
            (I.BPF_JLE, True): (this, True, other, False),
        }
        entry = table.get((op, flipped))
        if entry is None:
            return False
        good, right_open, marked, beyond = entry
        ptr = copy.copy(this[r])
        _good_pkt(good, ptr, right_open)
        if marked[r].t == PKT:
            marked[r].rng = BEYOND_PKT_END if beyond else AT_PKT_END
        return True


_FLIP = {I.BPF_JEQ: I.BPF_JEQ, I.BPF_JNE: I.BPF_JNE, I.BPF_JSET: I.BPF_JSET,
         I.BPF_JGE: I.BPF_JLE, I.BPF_JGT: I.BPF_JLT, I.BPF_JLE: I.BPF_JGE,
         I.BPF_JLT: I.BPF_JGT, I.BPF_JSGE: I.BPF_JSLE, I.BPF_JSGT: I.BPF_JSLT,
         I.BPF_JSLE: I.BPF_JSGE, I.BPF_JSLT: I.BPF_JSGT}


def _good_pkt(regs: list[Reg], ptr: Reg, right_open: bool) -> None:
    if ptr.off < 0 or (ptr.off == 0 and right_open):
        return
    if ptr.umax > MAX_PACKET_OFF or ptr.umax + ptr.off > MAX_PACKET_OFF:
        return
    new = ptr.off + (1 if right_open else 0)
    for r in regs:
        if r.t == ptr.t and r.id == ptr.id:
            r.rng = max(r.rng, new)


def _branch_taken(r: Reg, val: int, op: int) -> int:
    """``is_branch64_taken()`` (and the pointer-against-zero case of ``is_branch_taken``)."""
    if r.t != SCALAR:
        return -1
    sval = _s64(val)
    if op == I.BPF_JEQ:
        return int(r.var == (val, 0)) if t_is_const(r.var) else -1
    if op == I.BPF_JNE:
        return int(r.var != (val, 0)) if t_is_const(r.var) else -1
    if op == I.BPF_JSET:
        if (~r.var[1] & r.var[0]) & val:
            return 1
        return 0 if not ((r.var[1] | r.var[0]) & val) else -1
    cmp = {
        I.BPF_JGT: (r.umin > val, r.umax <= val), I.BPF_JSGT: (r.smin > sval, r.smax <= sval),
        I.BPF_JLT: (r.umax < val, r.umin >= val), I.BPF_JSLT: (r.smax < sval, r.smin >= sval),
        I.BPF_JGE: (r.umin >= val, r.umax < val), I.BPF_JSGE: (r.smin >= sval, r.smax < sval),
        I.BPF_JLE: (r.umax <= val, r.umin > val), I.BPF_JSLE: (r.smax <= sval, r.smin > sval),
    }.get(op)
    if cmp is None:
        return -1
    return 1 if cmp[0] else 0 if cmp[1] else -1


def _set_min_max(true_reg: Reg, false_reg: Reg, val: int, op: int) -> None:
    """``reg_set_min_max()`` for 64-bit compares (``true_reg`` is the taken branch's)."""
    val &= M64
    sval = _s64(val)
    if op == I.BPF_JEQ:
        known_(true_reg, val)
    elif op == I.BPF_JNE:
        known_(false_reg, val)
    elif op == I.BPF_JSET:
        unbounded(false_reg)
        false_reg.var = t_and(false_reg.var, t_const(~val))
        if val and not val & (val - 1):
            true_reg.var = t_or(true_reg.var, t_const(val))
    elif op in (I.BPF_JGE, I.BPF_JGT):
        false_reg.umax = min(false_reg.umax, val if op == I.BPF_JGT else (val - 1) & M64)
        true_reg.umin = max(true_reg.umin, (val + 1) & M64 if op == I.BPF_JGT else val)
    elif op in (I.BPF_JSGE, I.BPF_JSGT):
        false_reg.smax = min(false_reg.smax, sval if op == I.BPF_JSGT else _s64(sval - 1))
        true_reg.smin = max(true_reg.smin, _s64(sval + 1) if op == I.BPF_JSGT else sval)
    elif op in (I.BPF_JLE, I.BPF_JLT):
        false_reg.umin = max(false_reg.umin, val if op == I.BPF_JLT else (val + 1) & M64)
        true_reg.umax = min(true_reg.umax, (val - 1) & M64 if op == I.BPF_JLT else val)
    elif op in (I.BPF_JSLE, I.BPF_JSLT):
        false_reg.smin = max(false_reg.smin, sval if op == I.BPF_JSLT else _s64(sval + 1))
        true_reg.smax = min(true_reg.smax, _s64(sval - 1) if op == I.BPF_JSLT else sval)
    else:
        return
    combine_64_into_32(false_reg)
    combine_64_into_32(true_reg)


# -- scalar ALU helpers (scalar{32,}_min_max_*) ----------------------------------------------

def _add32(d: Reg, s: Reg) -> None:
    lo, hi = d.s32min + s.s32min, d.s32max + s.s32max
    if not (S32_MIN <= lo <= S32_MAX and S32_MIN <= hi <= S32_MAX):
        d.s32min, d.s32max = S32_MIN, S32_MAX
    else:
        d.s32min, d.s32max = lo, hi
    if d.u32min + s.u32min > M32 or d.u32max + s.u32max > M32:
        d.u32min, d.u32max = 0, M32
    else:
        d.u32min, d.u32max = d.u32min + s.u32min, d.u32max + s.u32max


def _add64(d: Reg, s: Reg) -> None:
    lo, hi = d.smin + s.smin, d.smax + s.smax
    if not (S64_MIN <= lo <= S64_MAX and S64_MIN <= hi <= S64_MAX):
        d.smin, d.smax = S64_MIN, S64_MAX
    else:
        d.smin, d.smax = lo, hi
    if d.umin + s.umin > M64 or d.umax + s.umax > M64:
        d.umin, d.umax = 0, M64
    else:
        d.umin, d.umax = d.umin + s.umin, d.umax + s.umax


def _sub32(d: Reg, s: Reg) -> None:
    lo, hi = d.s32min - s.s32max, d.s32max - s.s32min
    if not (S32_MIN <= lo <= S32_MAX and S32_MIN <= hi <= S32_MAX):
        d.s32min, d.s32max = S32_MIN, S32_MAX
    else:
        d.s32min, d.s32max = lo, hi
    if d.u32min < s.u32max:
        d.u32min, d.u32max = 0, M32
    else:
        d.u32min, d.u32max = d.u32min - s.u32max, d.u32max - s.u32min


def _sub64(d: Reg, s: Reg) -> None:
    lo, hi = d.smin - s.smax, d.smax - s.smin
    if not (S64_MIN <= lo <= S64_MAX and S64_MIN <= hi <= S64_MAX):
        d.smin, d.smax = S64_MIN, S64_MAX
    else:
        d.smin, d.smax = lo, hi
    if d.umin < s.umax:
        d.umin, d.umax = 0, M64
    else:
        d.umin, d.umax = d.umin - s.umax, d.umax - s.umin


def _mul32(d: Reg, s: Reg) -> None:
    if s.s32min < 0 or d.s32min < 0 or s.u32max > 0xFFFF or d.u32max > 0xFFFF:
        unbounded32(d)
        return
    d.u32min, d.u32max = d.u32min * s.u32min, d.u32max * s.u32max
    if d.u32max > S32_MAX:
        d.s32min, d.s32max = S32_MIN, S32_MAX
    else:
        d.s32min, d.s32max = d.u32min, d.u32max


def _mul64(d: Reg, s: Reg) -> None:
    if s.smin < 0 or d.smin < 0 or s.umax > M32 or d.umax > M32:
        unbounded64(d)
        return
    d.umin, d.umax = d.umin * s.umin, d.umax * s.umax
    if d.umax > S64_MAX:
        d.smin, d.smax = S64_MIN, S64_MAX
    else:
        d.smin, d.smax = d.umin, d.umax


def _bitop32(op: int, d: Reg, s: Reg) -> None:
    v, m = t_subreg(d.var)
    if t_is_const(t_subreg(s.var)) and m == 0:
        d.s32min = d.s32max = _s32(v)
        d.u32min = d.u32max = v
        return
    if op == I.BPF_AND:
        d.u32min, d.u32max = v, min(d.u32max, s.u32max)
        positive = d.s32min >= 0 and s.s32min >= 0
    elif op == I.BPF_OR:
        d.u32min, d.u32max = max(d.u32min, s.u32min), v | m
        positive = d.s32min >= 0 and s.s32min >= 0
    else:
        d.u32min, d.u32max = v, v | m
        positive = d.s32min >= 0 and s.s32min >= 0
    if positive:
        d.s32min, d.s32max = _s32(d.u32min), _s32(d.u32max)
    else:
        d.s32min, d.s32max = S32_MIN, S32_MAX


def _bitop64(op: int, d: Reg, s: Reg) -> None:
    v, m = d.var
    if t_is_const(s.var) and m == 0:
        known_(d, v)
        return
    if op == I.BPF_AND:
        d.umin, d.umax = v, min(d.umax, s.umax)
    elif op == I.BPF_OR:
        d.umin, d.umax = max(d.umin, s.umin), v | m
    else:
        d.umin, d.umax = v, v | m
    if d.smin >= 0 and s.smin >= 0:
        d.smin, d.smax = _s64(d.umin), _s64(d.umax)
    else:
        d.smin, d.smax = S64_MIN, S64_MAX
    update_bounds(d)


def _shift(op: int, wide: bool, d: Reg, s: Reg) -> None:
    if op == I.BPF_LSH:
        if wide:
            lo, hi = s.umin, s.umax
            if lo == hi == 32:
                d.smax, d.smin = d.s32max << 32, d.s32min << 32
            else:
                d.smax, d.smin = S64_MAX, S64_MIN
            if d.umax > 1 << (63 - hi):
                d.umin, d.umax = 0, M64
            else:
                d.umin, d.umax = d.umin << lo, d.umax << hi
            _lsh32_bounds(d, lo, hi)
            d.var = t_lshift(d.var, lo)
            update_bounds(d)
        else:
            lo, hi = s.u32min, s.u32max
            sub = t_subreg(d.var)
            _lsh32_bounds(d, lo, hi)
            d.var = t_subreg(t_lshift(sub, lo))
            unbounded64(d)
            update_bounds(d)
    elif op == I.BPF_RSH:
        if wide:
            lo, hi = s.umin, s.umax
            d.smin, d.smax = S64_MIN, S64_MAX
            d.var = t_rshift(d.var, lo)
            d.umin, d.umax = d.umin >> hi, d.umax >> lo
            unbounded32(d)
            update_bounds(d)
        else:
            lo, hi = s.u32min, s.u32max
            d.s32min, d.s32max = S32_MIN, S32_MAX
            d.var = t_rshift(t_subreg(d.var), lo)
            d.u32min, d.u32max = d.u32min >> hi, d.u32max >> lo
            unbounded64(d)
            update_bounds(d)
    else:  # ARSH (src is a known constant here)
        if wide:
            k = s.umin
            d.smin, d.smax = d.smin >> k, d.smax >> k
            d.var = t_arshift(d.var, k, 64)
            d.umin, d.umax = 0, M64
            unbounded32(d)
        else:
            k = s.u32min
            d.s32min, d.s32max = _s32(d.s32min >> k), _s32(d.s32max >> k)
            d.var = t_arshift(t_subreg(d.var), k, 32)
            d.u32min, d.u32max = 0, M32
            unbounded64(d)
        update_bounds(d)


def _lsh32_bounds(d: Reg, lo: int, hi: int) -> None:
    d.s32min, d.s32max = S32_MIN, S32_MAX
    if hi > 31 or d.u32max > 1 << (31 - hi):
        d.u32min, d.u32max = 0, M32
    else:
        d.u32min, d.u32max = (d.u32min << lo) & M32, (d.u32max << hi) & M32


def trace(insns: Sequence[I.Insn], linfo: Sequence[tuple[int, str]] = (),
          hook: InsnHook | None = None, style: str = "6.1") -> Trace | None:
    """The 6.1 ``log_level`` 1 log of ``do_check()`` over ``insns`` (``None`` when the
    program needs something this module cannot print exactly).

    ``linfo``: ``(insn index, source line)`` sorted by index, as the kernel got them from
    libbpf; ``hook``: the offload driver's ``verify_insn`` (its lines and errno: a non-zero
    errno ends the walk there, as ``bpf_prog_offload_verify_insn()`` failing does).
    The returned lines do not include the ``processed ...`` line (see
    :meth:`Trace.processed_line`). ``style`` ``"6.12"`` prints registers as 6.12 does
    (:func:`reg_str_612`); its ``linfo`` texts then end in `` @ file.c:N``
    (``line_info(..., located=True)``)."""
    try:
        walker = _Walker(list(insns), list(linfo), hook)
        walker.style = style
        return walker.run()
    except Unsupported:
        return None
