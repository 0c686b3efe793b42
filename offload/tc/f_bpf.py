"""``tc filter ... bpf OPTIONS``: parse the options and obtain the program.

Mirrors tc/f_bpf.c ``bpf_parse_opt`` (keywords, ``matches`` prefixes, ``run``, error texts),
lib/bpf_legacy.c ``bpf_do_parse`` (``bytecode``/``bc``, ``bytecode-file``/``bcf``,
``object-file``/``obj``, ``object-pinned``/``pinned``/``fd``; ``section``, ``program``,
``export``, ``verbose``), ``bpf_parse_string``/``bpf_ops_parse`` (classic bytecode with its
three messages) and ``bpf_load_common`` (objects are loaded after all options are parsed,
bound to the device when ``skip_sw`` is given; the annotation is ``FILE:[SECTION]``).
Pinned programs are fetched while parsing, as ``bpf_obj_pinned`` does.
"""

from __future__ import annotations

import os
import re
from typing import Any

import attrs

from core.errors import EINVAL, TcError
from core.flags import TCA_CLS_FLAGS_SKIP_HW, TCA_CLS_FLAGS_SKIP_SW
from offload.tc.m_action import ActionError, parse_action
from offload.tc.result import CmdExit
from offload.tc.util import Args, duparg, get_tc_classid, get_u32, matches

BPF_MAXINSNS = 4096
DEFAULT_SECTION = "classifier"

EXPLAIN = (
    "Usage: ... bpf ...\n"
    "\n"
    "BPF use case:\n"
    " bytecode BPF_BYTECODE\n"
    " bytecode-file FILE\n"
    "\n"
    "eBPF use case:\n"
    " object-file FILE [ section CLS_NAME ] [ export UDS_FILE ]"
    " [ verbose ] [ direct-action ] [ skip_hw | skip_sw ]\n"
    " object-pinned FILE [ direct-action ] [ skip_hw | skip_sw ]\n"
    "\n"
    "Common remaining options:\n"
    " [ action ACTION_SPEC ]\n"
    " [ classid CLASSID ]\n"
    "\n"
    "Where BPF_BYTECODE := 's,c t f k,c t f k,c t f k,...'\n"
    "c,t,f,k and s are decimals; s denotes number of 4-tuples\n"
    "\n"
    "Where FILE points to a file containing the BPF_BYTECODE string,\n"
    "an ELF file containing eBPF map definitions and bytecode, or a\n"
    "pinned eBPF program.\n"
    "\n"
    "Where CLS_NAME refers to the section name containing the\n"
    "classifier (default 'classifier').\n"
    "\n"
    "Where UDS_FILE points to a unix domain socket file in order\n"
    "to hand off control of all created eBPF maps to an agent.\n"
    "\n"
    "ACTION_SPEC := ... look at individual actions\n"
    "NOTE: CLASSID is parsed as hexadecimal input.\n"
)

Op = tuple[int, int, int, int]


class OptError(Exception):
    """``parse_fopt`` failed: ``tc_filter_modify`` returns 1 after this text."""

    def __init__(self, stderr: str) -> None:
        super().__init__(stderr)
        self.stderr = stderr


@attrs.define
class BpfSpec:
    """Everything ``bpf_parse_opt`` put into TCA_OPTIONS, before the program is loaded."""

    handle: int = 0
    has_options: bool = False
    mode: str | None = None  # bytecode | bytecode-file | object | pinned
    file: str | None = None
    section: str = DEFAULT_SECTION
    verbose: bool = False
    ops: list[Op] = attrs.field(factory=list)
    pinned: Any = None
    classid: int | None = None
    da: bool = False
    gen_flags: int = 0
    actions: list[int] = attrs.field(factory=list)

    @property
    def skip_sw(self) -> bool:
        return bool(self.gen_flags & TCA_CLS_FLAGS_SKIP_SW)

    def annotation(self) -> str | None:
        """``bpf_load_common``'s TCA_BPF_NAME: ``basename(FILE):[SECTION]`` or ``[*fsobj]``."""
        if self.mode == "object":
            return f"{os.path.basename(self.file or '')}:[{self.section}]"
        if self.mode == "pinned":
            return f"{os.path.basename(self.file or '')}:[*fsobj]"
        return None


_NUM = re.compile(r"\s*([+-]?\d+)")


def _scan(text: str, count: int) -> list[int] | None:
    """``sscanf`` of ``count`` decimal unsigned numbers separated by white space."""
    out, pos = [], 0
    for _ in range(count):
        m = _NUM.match(text, pos)
        if m is None:
            return None
        out.append(int(m.group(1)))
        pos = m.end()
    return out


def parse_bytecode(text: str) -> tuple[list[Op] | None, str]:
    """lib/bpf_legacy.c ``bpf_parse_string`` + ``bpf_ops_parse`` on an inline string.
    Returns (ops, "") or (None, what tc printed before "Unable to parse bpf command line")."""
    m = re.match(r"\s*([+-]?\d+)(.)", text, re.S)
    if m is None or m.group(2) != ",":
        return None, ""
    length = int(m.group(1)) % 0x10000
    if length == 0 or length > BPF_MAXINSNS:
        return None, ""
    ops: list[Op] = []
    pos = 0
    while True:
        comma = text.find(",", pos)
        if comma < 0 or comma + 1 >= len(text):
            break
        pos = comma + 1
        if len(ops) >= length:
            return None, "Real program length exceeds encoded length parameter!\n"
        nums = _scan(text[pos:], 4)
        if nums is None:
            return None, f"Error at instruction {len(ops)}!\n"
        code, jt, jf, k = nums
        ops.append((code % 0x10000, jt % 0x100, jf % 0x100, k % 0x100000000))
    if len(ops) != length:
        return None, "Parsed program length is less than encoded length parameter!\n"
    return ops, ""


def read_bytecode_file(path: str) -> tuple[str | None, str]:
    """``bpf_parse_string(from_file=true)``: newlines become commas, blanks collapse, and
    reading stops once the kept text fills iproute2's buffer (``BYTECODE_FILE_MAX``).
    Only a regular file is read: ``fopen()`` of a FIFO would block the real tc for ever."""
    import io
    import stat

    from hwsim.bpf.classic import BYTECODE_FILE_MAX

    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        return None, f"Cannot fopen: {os.strerror(exc.errno or 2)}\n"
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        return None, "Cannot fopen: Not a regular file\n"
    with open(fd, "rb") as fb:
        raw = io.TextIOWrapper(fb, encoding="utf-8", errors="replace")
        return _bytecode_text(raw, BYTECODE_FILE_MAX), ""


def _bytecode_text(raw: Any, limit: int) -> str:
    """The kept text of a bytecode file, at most ``limit`` characters of it."""
    out: list[str] = []
    prev = " "
    for c in iter(lambda: raw.read(1), ""):
        if len(out) >= limit:
            break
        if c == "\n":
            if prev != ",":
                out.append(",")
            prev = ","
        elif c in " \t":
            if prev != " ":
                out.append(c)
            prev = " "
        else:
            out.append(c)
            prev = c
    return "".join(out)


def format_bytecode(ops: list[Op]) -> str:
    return f"{len(ops)}," + ",".join(f"{c} {t} {f} {k}" for c, t, f, k in ops)


def _do_parse(a: Args, spec: BpfSpec, emu: Any) -> None:
    """lib/bpf_legacy.c ``bpf_do_parse`` starting at the mode word."""
    word = a.cur
    if matches(word, "bytecode") or word == "bc":
        mode = "bytecode"
    elif matches(word, "bytecode-file") or word == "bcf":
        mode = "bytecode-file"
    elif matches(word, "object-file") or word == "obj":
        mode = "object"
    elif matches(word, "object-pinned") or matches(word, "pinned") or matches(word, "fd"):
        mode = "pinned"
    else:
        raise OptError(f'What mode is "{word}"?\nUnable to parse bpf command line\n')
    spec.mode = mode
    a.next()
    if mode in ("object", "pinned"):
        spec.file = a.cur
        a.fwd()
        if a and matches(a.cur, "section"):
            spec.section = a.next()
            a.fwd()
        if a and a.cur == "program":
            a.next()
            a.fwd()
        if a and matches(a.cur, "export"):
            raise OptError("offload: map export to a unix socket is not emulated\n")
        if a and matches(a.cur, "verbose"):
            spec.verbose = True
            a.fwd()
        a.back()
        if mode == "pinned":
            _get_pinned(spec, emu)
        return
    text: str | None = a.cur
    err = ""
    if mode == "bytecode-file":
        text, err = read_bytecode_file(a.cur)
    ops, msg = parse_bytecode(text) if text is not None else (None, "")
    if ops is None:
        raise OptError(err + msg + "Unable to parse bpf command line\n")
    spec.ops = ops


def _get_pinned(spec: BpfSpec, emu: Any) -> None:
    """``bpf_obj_pinned``: the program behind a bpffs path."""
    try:
        spec.pinned = emu.get_pinned(spec.file)
    except Exception as exc:  # the emulator's LoadError (duck-typed)
        if not hasattr(exc, "stderr_lines"):
            raise
        reason = os.strerror(getattr(exc, "errno", None) or 2)
        raise OptError(f"Couldn't retrieve pinned program '{spec.file}': {reason}\n"
                       "Unable to parse bpf command line\n") from None


def parse_bpf_opt(handle: str | None, args: list[str], emu: Any) -> BpfSpec:
    """tc/f_bpf.c ``bpf_parse_opt`` (parsing part)."""
    spec = BpfSpec()
    if handle is not None:
        h = get_u32(handle, 0)
        if h is None:
            raise OptError('Illegal "handle"\n')
        spec.handle = h
    a = Args(args)
    if not a:
        return spec
    spec.has_options = True
    seen_run = False
    while a:
        word = a.cur
        if matches(word, "run"):
            a.next()
            if seen_run:
                raise duparg("run", a.cur)
            seen_run = True
            _do_parse(a, spec, emu)
        elif matches(word, "classid") or matches(word, "flowid"):
            cls = get_tc_classid(a.next())
            if cls is None:
                raise OptError('Illegal "classid"\n')
            spec.classid = cls
        elif matches(word, "direct-action") or matches(word, "da"):
            spec.da = True
        elif matches(word, "skip_hw"):
            spec.gen_flags |= TCA_CLS_FLAGS_SKIP_HW
        elif matches(word, "skip_sw"):
            spec.gen_flags |= TCA_CLS_FLAGS_SKIP_SW
        elif matches(word, "action"):
            a.next()
            try:
                spec.actions.extend(parse_action(a))
            except ActionError as exc:
                raise OptError(exc.stderr + 'Illegal "action"\n') from None
            continue
        elif matches(word, "police"):
            raise OptError('offload: "police" is not emulated\nIllegal "police"\n')
        elif matches(word, "help"):
            raise OptError(EXPLAIN)
        elif not seen_run:
            seen_run = True
            _do_parse(a, spec, emu)
        else:
            raise OptError(f'What is "{word}"?\n{EXPLAIN}')
        a.fwd()
    return spec


def load_program(spec: BpfSpec, emu: Any, dev: str | None) -> Any:
    """``bpf_load_common``: the program object for the request (loading the ELF object
    now, device-bound to ``dev`` for skip_sw)."""
    from offload.tc.loading import load_error_lines

    if spec.mode is None:
        return None  # only flags given: an empty TCA_BPF_OPS, which the kernel refuses
    if spec.mode == "pinned":
        # cls_bpf_prog_from_efd: bpf_prog_get_type_dev(fd, SCHED_CLS, skip_sw) refuses
        # another type (a map, an XDP program) and a device-bound program without skip_sw
        prog = spec.pinned
        if getattr(prog, "prog_type", None) not in (None, 3) or hasattr(prog, "map_type") or \
                (getattr(prog, "offload_ifindex", None) is not None and not spec.skip_sw):
            raise TcError(-EINVAL)
        return prog
    if spec.mode in ("bytecode", "bytecode-file"):
        try:
            return emu.load_bytecode(format_bytecode(spec.ops))
        except Exception as exc:
            if not hasattr(exc, "stderr_lines"):
                raise
            # iproute2 accepted the text; bpf_check_classic() in the kernel refuses it
            raise TcError(-EINVAL) from None
    # iproute2 loads skip_sw objects device-bound; on a shared block the "device" is the
    # block magic, which names no device ("" here)
    offload_dev = (dev or "") if spec.skip_sw else None
    try:
        return emu.load_obj(spec.file, spec.section, offload_dev, spec.verbose)
    except Exception as exc:
        if not hasattr(exc, "stderr_lines"):
            raise
        raise OptError(load_error_lines(exc, "Unable to load program")) from None


__all__ = ["BpfSpec", "CmdExit", "OptError", "load_program", "parse_bpf_opt", "parse_bytecode"]
