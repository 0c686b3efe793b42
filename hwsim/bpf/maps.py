"""BPF maps as the engine sees them: flat byte regions plus a key index.

Each map owns one ``bytearray`` holding all its values back to back, so a value pointer
is just (map region, byte offset) and the engine reads and writes it in place, like the
kernel's ``array_map_lookup_elem()`` returns a pointer into ``array->value``. Per-CPU maps
are modelled with a single CPU. Semantics of update flags follow ``htab_map_update_elem()``
and ``array_map_update_elem()``.
"""

from __future__ import annotations

import errno

import attrs

from hwsim.bpf.errors import BpfLoadError

BPF_MAP_TYPE_HASH = 1
BPF_MAP_TYPE_ARRAY = 2
BPF_MAP_TYPE_PROG_ARRAY = 3
BPF_MAP_TYPE_PERCPU_HASH = 5
BPF_MAP_TYPE_PERCPU_ARRAY = 6
BPF_ANY, BPF_NOEXIST, BPF_EXIST = 0, 1, 2

SUPPORTED = {BPF_MAP_TYPE_HASH, BPF_MAP_TYPE_ARRAY, BPF_MAP_TYPE_PROG_ARRAY,
             BPF_MAP_TYPE_PERCPU_HASH, BPF_MAP_TYPE_PERCPU_ARRAY}
ARRAY_LIKE = {BPF_MAP_TYPE_ARRAY, BPF_MAP_TYPE_PERCPU_ARRAY, BPF_MAP_TYPE_PROG_ARRAY}


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
    mem: bytearray = attrs.field(init=False)
    index: dict[bytes, int] = attrs.field(init=False, factory=dict)  # key -> slot (hash)
    free: list[int] = attrs.field(init=False, factory=list)
    progs: list[object | None] = attrs.field(init=False, factory=list)  # prog array

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

    @property
    def is_array(self) -> bool:
        return self.map_type in ARRAY_LIKE

    def slot(self, key: bytes) -> int | None:
        """Value offset for ``key`` or None (``map->ops->map_lookup_elem``)."""
        if self.map_type in ARRAY_LIKE:
            i = int.from_bytes(key[:4], "little")
            return i * self.value_size if i < self.max_entries else None
        s = self.index.get(bytes(key))
        return None if s is None else s * self.value_size

    def lookup(self, key: bytes) -> bytes | None:
        off = self.slot(key)
        return None if off is None else bytes(self.mem[off : off + self.value_size])

    def update(self, key: bytes, value: bytes, flags: int = BPF_ANY) -> int:
        """Returns 0 or a negative errno, as the helper does."""
        key = bytes(key[: self.key_size])
        value = bytes(value[: self.value_size])
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
        s = self.index.pop(bytes(key[: self.key_size]), None)
        if s is None:
            return -errno.ENOENT
        self.free.append(s)
        return 0

    def keys(self) -> list[bytes]:
        if self.map_type in ARRAY_LIKE:
            return [i.to_bytes(4, "little") for i in range(self.max_entries)]
        return list(self.index)
