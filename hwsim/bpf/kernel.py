"""Load an ELF program into the host kernel: libbpf's map-create + relocate, via hwsim.kbpf.

Used by the differential tests and by drivers talking to a real kernel. Maps are created
fresh per load (no pinning), global data sections become single-entry arrays filled with
their initial bytes, and ``ld_imm64`` map loads get ``BPF_PSEUDO_MAP_FD`` /
``BPF_PSEUDO_MAP_VALUE`` like ``bpf_object__relocate_data()`` does.
"""

from __future__ import annotations

import struct

import attrs

from hwsim import kbpf
from hwsim.bpf.elf import RELO_MAP_FD, BpfObject, ProgSpec
from hwsim.bpf.insn import BPF_PSEUDO_MAP_FD, BPF_PSEUDO_MAP_VALUE


@attrs.define
class KernelProgram:
    fd: kbpf.Fd
    maps: dict[str, kbpf.Fd]
    log: str
    insns: bytes  # as passed to BPF_PROG_LOAD

    def close(self) -> None:
        self.fd.close()
        for m in self.maps.values():
            m.close()

    def __enter__(self) -> KernelProgram:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def relocated_insns(spec: ProgSpec, fds: dict[str, int]) -> bytes:
    """The program's instructions with map relocations applied for ``fds`` (name -> fd)."""
    raw = bytearray(spec.insns)
    for rel in spec.relocs:
        off = rel.insn * 8
        kind = BPF_PSEUDO_MAP_FD if rel.kind == RELO_MAP_FD else BPF_PSEUDO_MAP_VALUE
        raw[off + 1] = (raw[off + 1] & 0x0F) | (kind << 4)
        struct.pack_into("<i", raw, off + 4, fds[rel.map_name])
        if kind == BPF_PSEUDO_MAP_VALUE:
            struct.pack_into("<i", raw, off + 12, rel.offset)
    return bytes(raw)


def load_in_kernel(obj: BpfObject, spec: ProgSpec, *, prog_type: int = 3,
                   prog_ifindex: int = 0, log_level: int = 1) -> KernelProgram:
    """Create the maps ``spec`` uses, relocate, and ``BPF_PROG_LOAD`` it."""
    maps: dict[str, kbpf.Fd] = {}
    try:
        for name in dict.fromkeys(r.map_name for r in spec.relocs):
            ms = obj.maps[name]
            fd = kbpf.map_create(ms.map_type, ms.key_size, ms.value_size, ms.max_entries,
                                 flags=ms.flags, name=ms.name.lstrip(".")[:15])
            maps[name] = fd
            if ms.initial is not None:
                kbpf.map_update(fd, bytes(4), ms.initial)
        raw = relocated_insns(spec, {n: f.fd for n, f in maps.items()})
        fd, log = kbpf.prog_load(raw, prog_type, license=spec.license or "GPL",
                                 name=spec.name, prog_ifindex=prog_ifindex,
                                 log_level=log_level)
    except BaseException:
        for m in maps.values():
            m.close()
        raise
    return KernelProgram(fd, maps, log, raw)
