"""Just enough BTF to read libbpf-style map definitions from a ``.maps`` section.

The encoding is the one in include/uapi/linux/btf.h: a header, a type section of
``struct btf_type`` records each followed by kind-specific data, and a string section.
We decode every kind (so offsets stay right) but keep only what map definitions need:
sizes, pointers, arrays, struct members and DATASEC variables. libbpf does the same
job in ``parse_btf_map_def()``.
"""

from __future__ import annotations

import struct

import attrs

BTF_MAGIC = 0xEB9F
KIND_INT, KIND_PTR, KIND_ARRAY, KIND_STRUCT, KIND_UNION, KIND_ENUM = 1, 2, 3, 4, 5, 6
KIND_FWD, KIND_TYPEDEF, KIND_VOLATILE, KIND_CONST, KIND_RESTRICT = 7, 8, 9, 10, 11
KIND_FUNC, KIND_FUNC_PROTO, KIND_VAR, KIND_DATASEC, KIND_FLOAT = 12, 13, 14, 15, 16
KIND_DECL_TAG, KIND_TYPE_TAG, KIND_ENUM64 = 17, 18, 19

_EXTRA = {  # bytes after struct btf_type: fixed part, per-vlen-entry part
    KIND_INT: (4, 0), KIND_ARRAY: (12, 0), KIND_STRUCT: (0, 12), KIND_UNION: (0, 12),
    KIND_ENUM: (0, 8), KIND_FUNC_PROTO: (0, 8), KIND_VAR: (4, 0), KIND_DATASEC: (0, 12),
    KIND_DECL_TAG: (4, 0), KIND_ENUM64: (0, 12),
}
_MODIFIERS = (KIND_TYPEDEF, KIND_VOLATILE, KIND_CONST, KIND_RESTRICT, KIND_TYPE_TAG)


class BtfError(ValueError):
    """Malformed or unsupported BTF."""


@attrs.frozen
class BtfType:
    kind: int
    name: str
    size_or_type: int
    vlen: int
    # members as (name, type_id, offset) for STRUCT/UNION/DATASEC(var type, offset, size)
    members: tuple[tuple[str, int, int], ...] = ()
    array: tuple[int, int] | None = None  # (elem type, nelems)


@attrs.define
class Btf:
    types: list[BtfType | None]  # index = type id; 0 is void

    @classmethod
    def parse(cls, raw: bytes, endian: str = "<") -> Btf:
        if len(raw) < 24:
            raise BtfError("BTF header truncated")
        magic, _ver, _flags, hdr_len = struct.unpack_from(endian + "HBBI", raw, 0)
        if magic != BTF_MAGIC:
            raise BtfError(f"bad BTF magic {magic:#x}")
        type_off, type_len, str_off, str_len = struct.unpack_from(endian + "IIII", raw, 8)
        tstart, sstart = hdr_len + type_off, hdr_len + str_off
        strs = raw[sstart : sstart + str_len]

        def name(off: int) -> str:
            end = strs.find(b"\0", off)
            return strs[off:end].decode(errors="replace")

        types: list[BtfType | None] = [None]
        pos, end = tstart, tstart + type_len
        while pos < end:
            name_off, info, size = struct.unpack_from(endian + "III", raw, pos)
            pos += 12
            kind, vlen = (info >> 24) & 0x1F, info & 0xFFFF
            fixed, per = _EXTRA.get(kind, (0, 0))
            members: tuple[tuple[str, int, int], ...] = ()
            array = None
            if kind == KIND_ARRAY:
                elem, _idx, nelems = struct.unpack_from(endian + "III", raw, pos)
                array = (elem, nelems)
            elif kind in (KIND_STRUCT, KIND_UNION):
                members = tuple(
                    (name(m[0]), m[1], m[2])
                    for m in struct.iter_unpack(endian + "III", raw[pos : pos + 12 * vlen])
                )
            elif kind == KIND_DATASEC:
                members = tuple(
                    ("", m[0], m[1])
                    for m in struct.iter_unpack(endian + "III", raw[pos : pos + 12 * vlen])
                )
            pos += fixed + per * vlen
            types.append(BtfType(kind, name(name_off), size, vlen, members, array))
        return cls(types)

    def get(self, tid: int) -> BtfType:
        if not 0 < tid < len(self.types):
            raise BtfError(f"BTF type id {tid} out of range")
        t = self.types[tid]
        assert t is not None
        return t

    def skip_mods(self, tid: int) -> int:
        """Follow typedef/const/volatile/restrict/type_tag to the underlying type id."""
        for _ in range(32):
            t = self.get(tid)
            if t.kind not in _MODIFIERS:
                return tid
            tid = t.size_or_type
        raise BtfError("BTF modifier chain too long")

    def size_of(self, tid: int) -> int:
        """``btf__resolve_size()``: byte size of a type."""
        t = self.get(self.skip_mods(tid))
        if t.kind in (KIND_INT, KIND_STRUCT, KIND_UNION, KIND_ENUM, KIND_ENUM64, KIND_FLOAT):
            return t.size_or_type
        if t.kind == KIND_PTR:
            return 8
        if t.kind == KIND_ARRAY and t.array is not None:
            return t.array[1] * self.size_of(t.array[0])
        raise BtfError(f"cannot size BTF kind {t.kind}")

    def datasec(self, name: str) -> BtfType | None:
        for t in self.types[1:]:
            if t is not None and t.kind == KIND_DATASEC and t.name == name:
                return t
        return None

    def map_defs(self) -> dict[str, dict[str, int]]:
        """Read ``.maps`` variables: ``{var name: {"type": .., "key_size": .., ...}}``.

        Mirrors libbpf ``parse_btf_map_def()``: ``__uint(x, N)`` is a pointer to an array
        of N ints; ``__type(x, T)`` is a pointer to T whose size is x's size.
        """
        sec = self.datasec(".maps")
        if sec is None:
            return {}
        out: dict[str, dict[str, int]] = {}
        for _, var_id, _off in sec.members:
            var = self.get(var_id)
            if var.kind != KIND_VAR:
                raise BtfError(f".maps entry {var.name!r} is not a variable")
            st = self.get(self.skip_mods(var.size_or_type))
            if st.kind != KIND_STRUCT:
                raise BtfError(f"map {var.name!r}: definition is not a struct")
            fields: dict[str, int] = {}
            for mname, mtype, _moff in st.members:
                ptr = self.get(self.skip_mods(mtype))
                if ptr.kind != KIND_PTR:
                    raise BtfError(f"map {var.name!r}: member {mname!r} is not a pointer")
                target_id = self.skip_mods(ptr.size_or_type)
                target = self.get(target_id)
                if mname in ("key", "value"):
                    fields[f"{mname}_size"] = self.size_of(target_id)
                elif mname == "values":
                    continue  # inner map / prog array initial values: not supported
                elif target.kind == KIND_ARRAY and target.array is not None:
                    fields[mname] = target.array[1]
                else:
                    raise BtfError(f"map {var.name!r}: unsupported member {mname!r}")
            out[var.name] = fields
        return out
