"""What libbpf (as linked into iproute2 6.1) tells about an object file.

- :func:`open_debug_lines`: the ``libbpf: ...`` debug lines ``bpf_object__open()`` prints
  when tc runs with ``verbose`` (``bpf_object__elf_collect()``: one line per ELF section
  it does not ignore, programs found in executable sections, the license; then
  ``bpf_object__collect_externs()``). The text is that of the recorded 6.1 transcripts.
- :func:`line_info`: the BTF line info (``.BTF.ext``) libbpf hands to the kernel with a
  program, as ``(instruction index, source line)`` pairs — what the verifier log's
  ``; <source line>`` lines come from.

Only what tc's conformance objects and the bundled programs contain is covered; maps,
global data, relocations and CO-RE print more lines in libbpf that are not produced here
(docs/bpf.md, "Verifier log text").
"""

from __future__ import annotations

import struct
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pyelftools is imported when a log is made (start-up time)
    from elftools.elf.elffile import ELFFile

SHT_PROGBITS, SHT_SYMTAB, SHT_STRTAB, SHT_REL, SHT_NOBITS = 1, 2, 3, 9, 8
SHT_LLVM_ADDRSIG = 0x6FFF4C03
SHF_EXECINSTR = 0x4
STT_FUNC = 2
STB_GLOBAL, STB_WEAK = 1, 2
SHN_UNDEF = 0
BTF_EXT_MAGIC = 0xEB9F


def _is_dwarf(name: str) -> bool:
    return name.startswith(".debug_")


def _ignored(sh_type: int, size: int, name: str) -> bool:
    """``ignore_elf_section()``."""
    if sh_type in (SHT_STRTAB, SHT_LLVM_ADDRSIG):
        return True
    if sh_type == SHT_PROGBITS and size == 0 and name == ".text":
        return True
    if _is_dwarf(name):
        return True
    if name.startswith(".rel"):
        rest = name[4:]
        if _is_dwarf(rest) or rest in (".BTF", ".BTF.ext"):
            return True
    return False


def _raw_type(elf: ELFFile, idx: int) -> int:
    """The numeric ``sh_type`` (pyelftools names the known ones)."""
    off = elf["e_shoff"] + idx * elf["e_shentsize"]
    elf.stream.seek(off + 4)
    return struct.unpack(("<" if elf.little_endian else ">") + "I", elf.stream.read(4))[0]


def open_debug_lines(path: str, shown: str | None = None) -> list[str]:
    """libbpf's debug output while opening ``path`` (shown as ``shown``), without the
    ``libbpf: `` prefix each line gets from iproute2's print callback."""
    shown = shown or path
    out = [f"loading object from {shown}"]
    with open(path, "rb") as fh:
        from elftools.elf.elffile import ELFFile

        elf = ELFFile(fh)
        symtab = None
        for idx, sec in enumerate(elf.iter_sections()):
            if idx and _raw_type(elf, idx) == SHT_SYMTAB:
                symtab = sec
        syms = list(symtab.iter_symbols()) if symtab is not None else []
        for idx, sec in enumerate(elf.iter_sections()):
            if idx == 0:
                continue
            sh_type = _raw_type(elf, idx)
            size = sec["sh_size"]
            name = sec.name
            if _ignored(sh_type, size, name):
                continue
            data_size = 0 if sh_type == SHT_NOBITS else size
            out.append(f"elf: section({idx}) {name}, size {data_size}, link {sec['sh_link']}, "
                       f"flags {sec['sh_flags']:x}, type={sh_type}")
            if name == "license":
                lic = sec.data().split(b"\0", 1)[0].decode(errors="replace")
                out.append(f"license of {shown} is {lic}")
            elif name == "version":
                ver = struct.unpack_from("<I", sec.data().ljust(4, b"\0"))[0]
                out.append(f"kernel version of {shown} is {ver:x}")
            elif sh_type == SHT_PROGBITS and size and sec["sh_flags"] & SHF_EXECINSTR and \
                    name not in (".BTF", ".BTF.ext", ".maps"):
                for s in syms:
                    if s["st_shndx"] != idx or s["st_info"]["type"] != "STT_FUNC":
                        continue
                    off, sz = s["st_value"], s["st_size"]
                    out.append(f"sec '{name}': found program '{s.name}' at insn offset "
                               f"{off // 8} ({off} bytes), code size {sz // 8} insns "
                               f"({sz} bytes)")
        n = symtab["sh_size"] // symtab["sh_entsize"] if symtab is not None else 0
        if symtab is not None:
            out.append(f"looking for externs among {n} symbols...")
            externs = sum(1 for s in syms if s["st_shndx"] == "SHN_UNDEF" and s.name and
                          s["st_info"]["bind"] in ("STB_GLOBAL", "STB_WEAK"))
            out.append(f"collected {externs} externs total")
    return out


def line_info(path: str, section: str, func: str | None = None,
              n_insns: int | None = None, located: bool = False) -> list[tuple[int, str]]:
    """``(insn index, source line)`` of program ``func`` (its symbol gives its offset) in
    ``section``, from ``.BTF.ext`` (empty when the object has no BTF line info).

    ``located``: the line as 6.12's ``verbose_linfo()`` prints it, followed by
    `` @ FILE:N`` (the file's base name and the line number of ``line_col``)."""
    func_off = 0
    with open(path, "rb") as fh:
        from elftools.elf.elffile import ELFFile

        elf = ELFFile(fh)
        symtab = elf.get_section_by_name(".symtab")
        if func is not None and symtab is not None:
            for s in symtab.iter_symbols():
                if s.name == func and s["st_info"]["type"] == "STT_FUNC":
                    func_off = s["st_value"]
                    break
        btf, ext = elf.get_section_by_name(".BTF"), elf.get_section_by_name(".BTF.ext")
        if btf is None or ext is None:
            return []
        e = "<" if elf.little_endian else ">"
        raw_btf, raw_ext = btf.data(), ext.data()
    hdr_len = struct.unpack_from(e + "I", raw_btf, 4)[0]
    str_off, str_len = struct.unpack_from(e + "II", raw_btf, 16)
    strs = raw_btf[hdr_len + str_off: hdr_len + str_off + str_len]

    def string(off: int) -> str:
        end = strs.find(b"\0", off)
        return strs[off:end].decode(errors="replace")

    magic, _v, _f, ext_hdr = struct.unpack_from(e + "HBBI", raw_ext, 0)
    if magic != BTF_EXT_MAGIC:
        return []
    li_off, li_len = struct.unpack_from(e + "II", raw_ext, 16)
    pos = ext_hdr + li_off
    end = pos + li_len
    if li_len < 4:
        return []
    rec_size = struct.unpack_from(e + "I", raw_ext, pos)[0]
    pos += 4
    out: list[tuple[int, str]] = []
    while pos + 8 <= end:
        name_off, num = struct.unpack_from(e + "II", raw_ext, pos)
        pos += 8
        mine = string(name_off) == section
        for i in range(num):
            insn_off, file_off, line_off, col = struct.unpack_from(e + "IIII", raw_ext,
                                                                   pos + i * rec_size)
            idx = (insn_off - func_off) // 8
            if mine and insn_off >= func_off and (n_insns is None or idx < n_insns):
                text = string(line_off)
                if located:
                    text = (f"{text.lstrip()} @ {string(file_off).rsplit('/', 1)[-1]}:"
                            f"{col >> 10}")
                out.append((idx, text))
        pos += num * rec_size
    return out
