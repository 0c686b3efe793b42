"""BPF maps as the engine sees them: flat byte regions plus a key index.

Each map owns one ``bytearray`` holding all its values back to back, so a value pointer
is just (map region, byte offset) and the engine reads and writes it in place, like the
kernel's ``array_map_lookup_elem()`` returns a pointer into ``array->value``. Per-CPU maps
are modelled with a single CPU. Semantics of update flags follow ``htab_map_update_elem()``
and ``array_map_update_elem()``.

A hash map's key index (key -> value slot) lives in C when the compiled core
(:mod:`hwsim.bpf.cengine`) is available — a ``ce_htab`` the C interpreter's map helpers
use directly, with no Python callback — and in the ``index`` dict otherwise. Both hand
out slots in the same order (a LIFO free list, slot 0 first) and iterate keys in
insertion order, so slot offsets, value addresses and dumps are the same either way; the
values themselves are always in ``mem``.
"""

from __future__ import annotations

import errno
from typing import TYPE_CHECKING

import attrs

from hwsim.bpf.errors import BpfLoadError

if TYPE_CHECKING:
    from typing import Any

BPF_MAP_TYPE_HASH = 1
BPF_MAP_TYPE_ARRAY = 2
BPF_MAP_TYPE_PROG_ARRAY = 3
BPF_MAP_TYPE_PERCPU_HASH = 5
BPF_MAP_TYPE_PERCPU_ARRAY = 6
BPF_ANY, BPF_NOEXIST, BPF_EXIST = 0, 1, 2

SUPPORTED = {BPF_MAP_TYPE_HASH, BPF_MAP_TYPE_ARRAY, BPF_MAP_TYPE_PROG_ARRAY,
             BPF_MAP_TYPE_PERCPU_HASH, BPF_MAP_TYPE_PERCPU_ARRAY}
ARRAY_LIKE = {BPF_MAP_TYPE_ARRAY, BPF_MAP_TYPE_PERCPU_ARRAY, BPF_MAP_TYPE_PROG_ARRAY}
HASH_LIKE = {BPF_MAP_TYPE_HASH, BPF_MAP_TYPE_PERCPU_HASH}


def _c_index(key_size: int, max_entries: int) -> tuple[Any, Any, Any] | None:
    """``(ffi, lib, ce_htab)`` for a new C hash index, or None (no C core here, or it
    could not allocate one): the map then keeps its index in Python."""
    from hwsim.bpf.cengine._build import load

    mod = load()[0]
    if mod is None:
        return None
    ffi, lib = mod.ffi, mod.lib
    h = lib.ce_htab_new(key_size, max_entries)
    if h == ffi.NULL:
        return None
    return ffi, lib, ffi.gc(h, lib.ce_htab_free)


@attrs.define(eq=False)
class Map:
    """One map instance. ``mem`` holds ``max_entries * value_size`` bytes of values."""

    name: str
    map_type: int
    key_size: int
    value_size: int
    max_entries: int
    flags: int = 0
    readonly: bool = False
    #: False keeps a hash map's index in Python even when the C core is available
    c_index: bool = attrs.field(default=True, kw_only=True)
    #: ``map->id`` from the table's ``map_idr`` (0: not created through a table)
    id: int = attrs.field(default=0, kw_only=True)
    #: ``map_ifindex``: the device of a device-bound (offloaded) map, else None
    offload_ifindex: int | None = attrs.field(default=None, kw_only=True)
    mem: bytearray = attrs.field(init=False)
    index: dict[bytes, int] = attrs.field(init=False, factory=dict)  # key -> slot (hash)
    free: list[int] = attrs.field(init=False, factory=list)
    progs: list[object | None] = attrs.field(init=False, factory=list)  # prog array
    #: (ffi, lib, ce_htab *) when the hash index lives in C (see the module docstring)
    cindex: tuple[Any, Any, Any] | None = attrs.field(init=False, default=None, repr=False)

    def __attrs_post_init__(self) -> None:
        if self.map_type not in SUPPORTED:
            raise BpfLoadError(errno.EINVAL, f"map {self.name!r}: unsupported map type "
                                             f"{self.map_type}")
        if self.key_size <= 0 or self.value_size <= 0 or self.max_entries <= 0:
            raise BpfLoadError(errno.EINVAL, f"map {self.name!r}: invalid sizes")
        if self.map_type in ARRAY_LIKE and self.key_size != 4:
            raise BpfLoadError(errno.EINVAL, f"map {self.name!r}: array key_size must be 4")
        if self.map_type == BPF_MAP_TYPE_PROG_ARRAY and self.value_size != 4:
            raise BpfLoadError(errno.EINVAL, f"map {self.name!r}: prog array value_size "
                                             "must be 4")
        self.mem = bytearray(self.max_entries * self.value_size)
        self.free = list(range(self.max_entries - 1, -1, -1))
        self.progs = [None] * self.max_entries if self.map_type == BPF_MAP_TYPE_PROG_ARRAY \
            else []
        if self.map_type in HASH_LIKE and self.c_index:
            self.cindex = _c_index(self.key_size, self.max_entries)
            if self.cindex is not None:
                self.free = []

    @property
    def is_array(self) -> bool:
        return self.map_type in ARRAY_LIKE

    def slot(self, key: bytes) -> int | None:
        """Value offset for ``key`` or None (``map->ops->map_lookup_elem``)."""
        if self.map_type in ARRAY_LIKE:
            i = int.from_bytes(key[:4], "little")
            return i * self.value_size if i < self.max_entries else None
        if self.cindex is not None:
            key = bytes(key)
            if len(key) != self.key_size:
                return None
            s = self.cindex[1].ce_htab_lookup(self.cindex[2], key)
            return None if s < 0 else s * self.value_size
        s = self.index.get(bytes(key))
        return None if s is None else s * self.value_size

    def lookup(self, key: bytes) -> bytes | None:
        off = self.slot(key)
        return None if off is None else bytes(self.mem[off : off + self.value_size])

    def update(self, key: bytes, value: bytes, flags: int = BPF_ANY) -> int:
        """Returns 0 or a negative errno, as the helper does."""
        key = bytes(key[: self.key_size])
        value = bytes(value[: self.value_size]).ljust(self.value_size, b"\0")
        if flags > BPF_EXIST:
            return -errno.EINVAL
        if self.map_type in ARRAY_LIKE:
            i = int.from_bytes(key, "little")
            if i >= self.max_entries:
                return -errno.E2BIG
            if flags == BPF_NOEXIST:
                return -errno.EEXIST
            off = i * self.value_size
            self.mem[off : off + self.value_size] = value
            return 0
        if len(key) != self.key_size:  # the syscall and the helper always pass key_size
            return -errno.EINVAL
        if self.cindex is not None:
            s = self.cindex[1].ce_htab_update(self.cindex[2], key, flags)
            if s < 0:
                return s
            off = s * self.value_size
            self.mem[off : off + self.value_size] = value
            return 0
        s = self.index.get(key)
        if s is not None and flags == BPF_NOEXIST:
            return -errno.EEXIST
        if s is None:
            if flags == BPF_EXIST:
                return -errno.ENOENT
            if not self.free:
                return -errno.E2BIG
            s = self.free.pop()
            self.index[key] = s
        off = s * self.value_size
        self.mem[off : off + self.value_size] = value
        return 0

    def delete(self, key: bytes) -> int:
        if self.map_type in ARRAY_LIKE:
            return -errno.EINVAL
        key = bytes(key[: self.key_size])
        if self.cindex is not None:
            if len(key) != self.key_size:
                return -errno.ENOENT
            return int(self.cindex[1].ce_htab_delete(self.cindex[2], key))
        s = self.index.pop(key, None)
        if s is None:
            return -errno.ENOENT
        self.free.append(s)
        return 0

    def keys(self) -> list[bytes]:
        if self.map_type in ARRAY_LIKE:
            return [i.to_bytes(4, "little") for i in range(self.max_entries)]
        if self.cindex is not None:
            ffi, lib, h = self.cindex
            n, ks = lib.ce_htab_count(h), self.key_size
            if n == 0:
                return []
            buf = ffi.new("char[]", n * ks)
            n = lib.ce_htab_keys(h, buf, ffi.NULL)
            raw = ffi.buffer(buf, n * ks)[:]
            return [raw[i * ks : (i + 1) * ks] for i in range(n)]
        return list(self.index)
