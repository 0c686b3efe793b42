"""Read eBPF ELF objects produced by ``clang -O2 -target bpf -c``.

This does the parts of libbpf's ``bpf_object__open()`` a tc user relies on: program
sections, the license, maps (BTF ``.maps`` and the legacy ``maps`` section of
``struct bpf_map_def``), global data sections turned into single-entry array maps, and
the ``ld_imm64`` relocations pointing at them (``bpf_program__record_reloc()``).
Everything else is refused with a :class:`BpfLoadError` naming what was found.
"""

from __future__ import annotations

import errno
import hashlib
import io
import os
import stat
import struct
import threading
from collections import OrderedDict
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from hwsim.bpf.btf import Btf, BtfError
from hwsim.bpf.errors import BpfLoadError
from hwsim.bpf.insn import LD_IMM64

if TYPE_CHECKING:  # pyelftools is imported when an object is parsed (start-up time)
    from elftools.elf.elffile import ELFFile

EM_BPF = 247
SHF_EXECINSTR = 0x4
BPF_OBJ_NAME_LEN = 16
BPF_MAP_TYPE_ARRAY = 2
DATA_SECTIONS = (".rodata", ".data", ".bss")

RELO_MAP_FD = "map_fd"
RELO_MAP_VALUE = "map_value"


@attrs.frozen
class MapSpec:
    """A map as declared in the object (what ``BPF_MAP_CREATE`` would be given)."""

    name: str
    map_type: int
    key_size: int
    value_size: int
    max_entries: int
    flags: int = 0
    initial: bytes | None = None  # contents of a global data section
    readonly: bool = False


@attrs.frozen
class MapReloc:
    """An ``ld_imm64`` at ``insn`` that must point at map ``map_name``.

    ``kind`` is :data:`RELO_MAP_FD` (``BPF_PSEUDO_MAP_FD``) or :data:`RELO_MAP_VALUE`
    (``BPF_PSEUDO_MAP_VALUE`` with byte ``offset`` into the value).
    """

    insn: int
    map_name: str
    kind: str
    offset: int = 0


@attrs.frozen
class ProgSpec:
    """One program found in an object: its section, function name and raw instructions."""

    section: str
    func: str
    insns: bytes
    relocs: tuple[MapReloc, ...]
    license: str

    @property
    def name(self) -> str:
        """``prog->aux->name``: the function name cut to ``BPF_OBJ_NAME_LEN - 1``."""
        return self.func[: BPF_OBJ_NAME_LEN - 1]


@attrs.frozen
class BpfObject:
    path: str
    license: str
    programs: tuple[ProgSpec, ...]
    maps: dict[str, MapSpec]
    has_btf: bool = False

    def program(self, section: str | None = None, *, default: str = "classifier") -> ProgSpec:
        """Pick the program tc would load for ``sec NAME`` (``default`` when not given):
        iproute2's ``load_bpf_object`` takes the first program whose section name is the
        one asked for; none is ``object file doesn't contain sec NAME``."""
        want = section or default
        for p in self.programs:
            if p.section == want:
                return p
        raise BpfLoadError(errno.ENOENT, f"object file doesn't contain sec {want}")


#: The largest object file read: BPF_COMPLEXITY_LIMIT_INSNS instructions of 8 bytes, plus
#: room for relocations, BTF and the rest (the loader refuses more instructions anyway).
MAX_OBJECT = 64 << 20


def read_object(path: str | Path, *, cache: bool = True) -> BpfObject:
    """Parse an eBPF object file (libbpf's ``bpf_object__open()``); raise
    :class:`BpfLoadError` for anything unusable.

    The answer (the object or the error) is kept per path in a small process-wide cache,
    valid while the file's identity and content are the same: ``st_dev``, ``st_ino``,
    size, ``st_mtime_ns`` and a BLAKE2 digest of the bytes read now. A file that changed,
    was replaced or was rewritten in place within the same mtime is parsed again.
    ``cache=False`` always parses.
    """
    path = str(path)
    # libbpf reads the whole object: here a regular file only (a FIFO would block, a device
    # never end), and no more than MAX_OBJECT bytes
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
        with os.fdopen(fd, "rb") as fh:
            st = os.fstat(fh.fileno())
            if not stat.S_ISREG(st.st_mode):
                raise OSError(errno.EINVAL, "not a regular file")
            data = fh.read(MAX_OBJECT + 1)
    except OSError as e:
        raise BpfLoadError(e.errno or errno.ENOENT, "Cannot initialize ELF context!") from e
    if len(data) > MAX_OBJECT:
        raise BpfLoadError(errno.E2BIG, f"{path}: larger than {MAX_OBJECT} bytes")
    if not cache or not LOAD_CACHE:
        return _parse(data, path)
    return OBJECT_CACHE.get(path, (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns), data)


def _parse(data: bytes, path: str) -> BpfObject:
    from elftools.common.exceptions import ELFError
    from elftools.elf.elffile import ELFFile

    try:
        elf = ELFFile(io.BytesIO(data))
        if elf["e_machine"] != "EM_BPF" and elf.header["e_machine"] != EM_BPF:
            raise BpfLoadError(errno.EINVAL, f"{path}: not an eBPF object (e_machine)")
        return _Reader(elf, path).read()
    except (ELFError, struct.error, ValueError) as e:
        if isinstance(e, BpfLoadError):
            raise
        raise BpfLoadError(errno.EINVAL, "Cannot initialize ELF context!") from e


class ObjectCache:
    """Parsed objects (or the load error they give) by path, file identity and content.

    Errors are kept as ``(errno, message, log)`` and raised as a fresh
    :class:`BpfLoadError` each time, so no traceback accumulates. Least recently used
    entries go beyond ``size``. Thread-safe (the explorer's workers may share it). With
    ``disk``, a miss first looks in the on-disk store of :mod:`hwsim.bpf.objstore` (other
    processes' parses of the same bytes), and a parse is stored there.
    """

    def __init__(self, size: int = 64, *, disk: bool = True) -> None:
        self.size = size
        self.disk = disk
        self._entries: OrderedDict[str, tuple[tuple[int, ...], bytes, object]] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, path: str, ident: tuple[int, ...], data: bytes) -> BpfObject:
        digest = hashlib.blake2b(data, digest_size=16).digest()
        with self._lock:
            got = self._entries.get(path)
            if got is not None and got[0] == ident and got[1] == digest:
                self._entries.move_to_end(path)
                self.hits += 1
                return _answer(got[2])
        from hwsim.bpf import objstore

        value: object = objstore.load(path, digest) if self.disk else None
        if value is None:
            try:
                value = _parse(data, path)
            except BpfLoadError as e:
                value = (e.errno, e.message, e.log)
            if self.disk:
                objstore.save(path, digest, value)
        with self._lock:
            self.misses += 1
            self._entries[path] = (ident, digest, value)
            self._entries.move_to_end(path)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)
        return _answer(value)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


def _answer(value: object) -> BpfObject:
    if isinstance(value, BpfObject):
        return value
    err, message, log = value  # type: ignore[misc]
    raise BpfLoadError(err, message, log)


#: ``OFFLOAD_LOAD_CACHE=0`` in the environment turns the load caches off (objects here,
#: verification and generated code in :mod:`hwsim.bpf.program`): the benchmarks' "before"
LOAD_CACHE = os.environ.get("OFFLOAD_LOAD_CACHE", "1") != "0"

#: the process-wide cache :func:`read_object` uses
OBJECT_CACHE = ObjectCache()


class _Reader:
    def __init__(self, elf: ELFFile, path: str) -> None:
        self.elf = elf
        self.path = path
        self.endian = "<" if elf.little_endian else ">"
        from elftools.elf.sections import SymbolTableSection

        symtab = elf.get_section_by_name(".symtab")
        if not isinstance(symtab, SymbolTableSection):
            raise BpfLoadError(errno.EINVAL, f"{path}: no symbol table")
        self.symbols = list(symtab.iter_symbols())

    def read(self) -> BpfObject:
        lic = self._license()
        maps = self._maps()
        progs = []
        code = [(idx, sec) for idx, sec in enumerate(self.elf.iter_sections())
                if sec["sh_flags"] & SHF_EXECINSTR and sec["sh_size"]]
        for idx, sec in code:
            if sec.name == ".text":
                # libbpf's prog_is_subprog(): .text holds subprograms unless the object's
                # one and only function is there (then it is the entry point)
                if self._function_count(code) == 1:
                    progs.extend(self._programs(idx, sec, lic, maps))
                continue
            progs.extend(self._programs(idx, sec, lic, maps))
        has_btf = self.elf.get_section_by_name(".BTF") is not None
        return BpfObject(self.path, lic, tuple(progs), maps, has_btf)

    def _function_count(self, code: list) -> int:
        """``obj->nr_programs`` as ``bpf_object__add_programs`` counts it: every STT_FUNC
        symbol of every code section (static ones in .text included)."""
        return sum(1 for idx, _ in code for s in self._section_symbols(idx)
                   if s["st_info"]["type"] == "STT_FUNC")

    def _license(self) -> str:
        sec = self.elf.get_section_by_name("license")
        if sec is None:
            return ""
        return sec.data().split(b"\0", 1)[0].decode(errors="replace")

    def _section_symbols(self, shndx: int) -> list:
        return [s for s in self.symbols if s["st_shndx"] == shndx]

    def _maps(self) -> dict[str, MapSpec]:
        maps: dict[str, MapSpec] = {}
        btf_sec = self.elf.get_section_by_name(".BTF")
        maps_sec = self.elf.get_section_by_name(".maps")
        if maps_sec is not None:
            if btf_sec is None:
                raise BpfLoadError(errno.EINVAL, "section .maps needs BTF (.BTF missing)")
            try:
                defs = Btf.parse(btf_sec.data(), self.endian).map_defs()
            except BtfError as e:
                raise BpfLoadError(errno.EINVAL, f"section .maps: {e}") from e
            for name, f in defs.items():
                missing = {"type", "key_size", "value_size", "max_entries"} - set(f)
                if missing:
                    raise BpfLoadError(
                        errno.EINVAL, f"map {name!r}: missing {', '.join(sorted(missing))}"
                    )
                maps[name] = MapSpec(
                    name, f["type"], f["key_size"], f["value_size"], f["max_entries"],
                    f.get("map_flags", 0),
                )
        legacy = self.elf.get_section_by_name("maps")
        if legacy is not None:
            idx = self.elf.get_section_index("maps")
            data = legacy.data()
            for sym in self._section_symbols(idx):
                if sym["st_info"]["type"] in ("STT_SECTION", "STT_FILE") or not sym.name:
                    continue
                off = sym["st_value"]
                words = struct.unpack_from(self.endian + "5I", data.ljust(off + 20, b"\0"), off)
                maps[sym.name] = MapSpec(sym.name, words[0], words[1], words[2], words[3],
                                         words[4])
        for name in DATA_SECTIONS:
            for sec in self.elf.iter_sections():
                if sec.name == name or sec.name.startswith(name + "."):
                    size = sec["sh_size"]
                    if size == 0:
                        continue
                    init = bytes(size) if sec["sh_type"] == "SHT_NOBITS" else sec.data()
                    maps[sec.name] = MapSpec(sec.name, BPF_MAP_TYPE_ARRAY, 4, size, 1,
                                             initial=init, readonly=name == ".rodata")
        return maps

    def _programs(self, idx: int, sec: object, lic: str, maps: dict[str, MapSpec]) -> list:
        data = sec.data()  # type: ignore[attr-defined]
        name = sec.name  # type: ignore[attr-defined]
        if len(data) % 8:
            raise BpfLoadError(errno.EINVAL, f"section {name}: size not a multiple of 8")
        funcs = sorted(
            (s for s in self._section_symbols(idx)
             if s["st_info"]["type"] == "STT_FUNC"
             and (s["st_info"]["bind"] == "STB_GLOBAL" or name == ".text")),
            key=lambda s: s["st_value"],
        )
        if not funcs:
            funcs = [None]
        relocs = self._relocs(idx, name, data, maps)
        out = []
        for f in funcs:
            start = f["st_value"] if f is not None else 0
            size = f["st_size"] if f is not None and f["st_size"] else len(data) - start
            lo, hi = start // 8, (start + size) // 8
            mine = tuple(
                attrs.evolve(r, insn=r.insn - lo) for r in relocs if lo <= r.insn < hi
            )
            out.append(ProgSpec(name, f.name if f is not None else name, data[start:start + size],
                                mine, lic))
        return out

    def _relocs(self, idx: int, secname: str, data: bytes,
                maps: dict[str, MapSpec]) -> list[MapReloc]:
        from elftools.elf.relocation import RelocationSection

        out: list[MapReloc] = []
        for rsec in self.elf.iter_sections():
            if not isinstance(rsec, RelocationSection) or rsec["sh_info"] != idx:
                continue
            for rel in rsec.iter_relocations():
                sym = self.symbols[rel["r_info_sym"]]
                insn = rel["r_offset"] // 8
                target = self.elf.get_section(sym["st_shndx"]) if isinstance(
                    sym["st_shndx"], int) else None
                tname = target.name if target is not None else str(sym["st_shndx"])
                where = f"relocation in section {secname} at insn {insn} against {tname}"
                code = data[insn * 8] if insn * 8 < len(data) else None
                if tname == ".text":
                    raise BpfLoadError(errno.EOPNOTSUPP,
                                       f"{where}: bpf-to-bpf calls are not supported")
                if code != LD_IMM64:
                    raise BpfLoadError(errno.EINVAL, f"{where}: not an ld_imm64 instruction")
                if tname in (".maps", "maps"):
                    if sym.name not in maps:
                        raise BpfLoadError(errno.EINVAL, f"{where}: unknown map {sym.name!r}")
                    out.append(MapReloc(insn, sym.name, RELO_MAP_FD))
                elif tname in maps:  # .rodata / .data / .bss
                    addend = struct.unpack_from(self.endian + "i", data, insn * 8 + 4)[0]
                    offset = addend + (sym["st_value"] if sym["st_info"]["type"] != "STT_SECTION"
                                       else 0)
                    out.append(MapReloc(insn, tname, RELO_MAP_VALUE, offset))
                else:
                    raise BpfLoadError(errno.EOPNOTSUPP, f"{where}: unsupported relocation")
        return out
