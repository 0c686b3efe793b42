"""A small, standalone binding to bpf(2): load, inspect, pin, test-run programs; maps.

Every function mirrors one ``bpf()`` command from kernel/bpf/syscall.c (``__sys_bpf``).
Failures raise :class:`KernelBpfError` carrying the errno and, for ``BPF_PROG_LOAD``, the
verifier log. File descriptors are returned wrapped in :class:`Fd`, a context manager that
closes them; nothing here keeps global state besides the lazily opened libc.
"""

from __future__ import annotations

import errno as _errno
import os
from collections.abc import Iterable, Mapping

import attrs

from hwsim.kbpf._ffi import ffi, lib

SYS_bpf = 321  # x86_64

BPF_MAP_CREATE = 0
BPF_MAP_LOOKUP_ELEM = 1
BPF_MAP_UPDATE_ELEM = 2
BPF_MAP_DELETE_ELEM = 3
BPF_PROG_LOAD = 5
BPF_OBJ_PIN = 6
BPF_OBJ_GET = 7
BPF_PROG_TEST_RUN = 10
BPF_OBJ_GET_INFO_BY_FD = 15

BPF_PROG_TYPE_SCHED_CLS = 3
BPF_PROG_TYPE_SCHED_ACT = 4
BPF_PSEUDO_MAP_FD = 1
BPF_PSEUDO_MAP_VALUE = 2

LOG_SIZE = 1 << 20


class KernelBpfError(OSError):
    """A failed ``bpf()`` call: ``errno``, ``strerror``, the command, and the verifier log."""

    def __init__(self, err: int, cmd: str, log: str = "") -> None:
        super().__init__(err, os.strerror(err))
        self.cmd = cmd
        self.log = log

    def __str__(self) -> str:
        tail = f"\n{self.log}" if self.log else ""
        return f"bpf({self.cmd}): {self.strerror}{tail}"


@attrs.define
class Fd:
    """An owned file descriptor for a program or map; closes on ``close()`` / ``with``."""

    fd: int

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1

    def __enter__(self) -> Fd:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __int__(self) -> int:
        return self.fd


@attrs.frozen
class ProgInfo:
    """The head of ``struct bpf_prog_info`` (``bpf_prog_get_info_by_fd``)."""

    type: int
    id: int
    tag: bytes
    name: str
    ifindex: int
    xlated_prog_len: int
    jited_prog_len: int


@attrs.frozen
class TestRun:
    """Result of ``BPF_PROG_TEST_RUN`` (``bpf_prog_test_run_skb`` for tc programs)."""

    retval: int
    duration_ns: int
    data: bytes
    ctx: bytes | None


def _sys_bpf(cmd: int, attr: object, name: str) -> int:
    ffi.errno = 0
    ret = lib().syscall(
        ffi.cast("long", SYS_bpf),
        ffi.cast("long", cmd),
        ffi.cast("void *", attr),
        ffi.cast("unsigned long", ffi.sizeof(attr[0])),  # type: ignore[index]
    )
    if ret < 0:
        raise KernelBpfError(ffi.errno, name)
    return int(ret)


def _addr(buf: object) -> int:
    return int(ffi.cast("uintptr_t", buf))


def unavailable_reason() -> str | None:
    """Why bpf(2) cannot be used here (None when it can): ENOSYS, EPERM, not root."""
    try:
        fd = map_create(2, 4, 4, 1)
    except KernelBpfError as e:
        return f"bpf(2) unavailable: {e.strerror} (errno {e.errno})"
    except OSError as e:  # dlopen failure
        return f"bpf(2) unavailable: {e}"
    fd.close()
    return None


def prog_load(
    insns: bytes,
    prog_type: int = BPF_PROG_TYPE_SCHED_CLS,
    *,
    license: str = "GPL",
    name: str = "",
    prog_ifindex: int = 0,
    log_level: int = 1,
    expected_attach_type: int = 0,
) -> tuple[Fd, str]:
    """``BPF_PROG_LOAD``: returns the program fd and the verifier log.

    On failure raises :class:`KernelBpfError` with the kernel's log (``bpf_prog_load``).
    With ``log_level=0`` the kernel writes no log; 1 is the normal log, 2 the verbose one.
    """
    if len(insns) % 8:
        raise ValueError("insns must be a multiple of 8 bytes")
    attr = ffi.new("struct bpf_attr_prog_load *")
    ibuf = ffi.from_buffer(bytes(insns))
    lic = ffi.new("char[]", license.encode())
    log = ffi.new("char[]", LOG_SIZE) if log_level else ffi.NULL
    attr.prog_type = prog_type
    attr.insn_cnt = len(insns) // 8
    attr.insns = _addr(ibuf)
    attr.license = _addr(lic)
    attr.log_level = log_level
    attr.log_size = LOG_SIZE if log_level else 0
    attr.log_buf = _addr(log) if log_level else 0
    attr.prog_name = name.encode()[:15]
    attr.prog_ifindex = prog_ifindex
    attr.expected_attach_type = expected_attach_type
    try:
        fd = _sys_bpf(BPF_PROG_LOAD, attr, "BPF_PROG_LOAD")
    except KernelBpfError as e:
        e.log = ffi.string(log).decode(errors="replace") if log_level else ""
        raise
    text = ffi.string(log).decode(errors="replace") if log_level else ""
    return Fd(fd), text


def prog_info(fd: Fd | int) -> ProgInfo:
    """``BPF_OBJ_GET_INFO_BY_FD`` on a program (``bpf_prog_get_info_by_fd``)."""
    info = ffi.new("struct bpf_prog_info_head *")
    attr = ffi.new("struct bpf_attr_info *")
    attr.bpf_fd = int(fd)
    attr.info_len = ffi.sizeof(info[0])
    attr.info = _addr(info)
    _sys_bpf(BPF_OBJ_GET_INFO_BY_FD, attr, "BPF_OBJ_GET_INFO_BY_FD")
    return ProgInfo(
        type=info.type,
        id=info.id,
        tag=bytes(ffi.buffer(info.tag, 8)),
        name=ffi.string(info.name).decode(errors="replace"),
        ifindex=info.ifindex,
        xlated_prog_len=info.xlated_prog_len,
        jited_prog_len=info.jited_prog_len,
    )


def obj_pin(fd: Fd | int, path: str) -> None:
    """``BPF_OBJ_PIN``: pin a program or map at ``path`` on a bpffs mount."""
    attr = ffi.new("struct bpf_attr_obj *")
    p = ffi.new("char[]", os.fsencode(path))
    attr.pathname = _addr(p)
    attr.bpf_fd = int(fd)
    _sys_bpf(BPF_OBJ_PIN, attr, "BPF_OBJ_PIN")


def obj_get(path: str) -> Fd:
    """``BPF_OBJ_GET``: open a pinned object; returns a new fd."""
    attr = ffi.new("struct bpf_attr_obj *")
    p = ffi.new("char[]", os.fsencode(path))
    attr.pathname = _addr(p)
    return Fd(_sys_bpf(BPF_OBJ_GET, attr, "BPF_OBJ_GET"))


def prog_test_run(
    fd: Fd | int,
    data: bytes,
    *,
    repeat: int = 1,
    ctx: bytes | None = None,
    data_out_size: int | None = None,
) -> TestRun:
    """``BPF_PROG_TEST_RUN``: run a program on ``data`` (and an ``__sk_buff`` ``ctx``)."""
    attr = ffi.new("struct bpf_attr_test_run *")
    din = ffi.from_buffer(bytes(data))
    out_size = data_out_size if data_out_size is not None else len(data) + 256
    dout = ffi.new("char[]", max(out_size, 1))
    attr.prog_fd = int(fd)
    attr.data_size_in = len(data)
    attr.data_in = _addr(din)
    attr.data_size_out = out_size
    attr.data_out = _addr(dout)
    attr.repeat = repeat
    if ctx is not None:
        cin = ffi.from_buffer(bytes(ctx))
        cout = ffi.new("char[]", len(ctx))
        attr.ctx_size_in = len(ctx)
        attr.ctx_in = _addr(cin)
        attr.ctx_size_out = len(ctx)
        attr.ctx_out = _addr(cout)
    _sys_bpf(BPF_PROG_TEST_RUN, attr, "BPF_PROG_TEST_RUN")
    ctx_out = bytes(ffi.buffer(cout, attr.ctx_size_out)) if ctx is not None else None
    return TestRun(
        retval=attr.retval,
        duration_ns=attr.duration,
        data=bytes(ffi.buffer(dout, attr.data_size_out)),
        ctx=ctx_out,
    )


def map_create(
    map_type: int,
    key_size: int,
    value_size: int,
    max_entries: int,
    *,
    flags: int = 0,
    name: str = "",
) -> Fd:
    """``BPF_MAP_CREATE`` (``map_create``)."""
    attr = ffi.new("struct bpf_attr_map_create *")
    attr.map_type = map_type
    attr.key_size = key_size
    attr.value_size = value_size
    attr.max_entries = max_entries
    attr.map_flags = flags
    attr.map_name = name.encode()[:15]
    return Fd(_sys_bpf(BPF_MAP_CREATE, attr, "BPF_MAP_CREATE"))


def map_update(fd: Fd | int, key: bytes, value: bytes, flags: int = 0) -> None:
    """``BPF_MAP_UPDATE_ELEM`` (flags: BPF_ANY=0, BPF_NOEXIST=1, BPF_EXIST=2)."""
    attr = ffi.new("struct bpf_attr_map_elem *")
    k = ffi.from_buffer(bytes(key))
    v = ffi.from_buffer(bytes(value))
    attr.map_fd = int(fd)
    attr.key = _addr(k)
    attr.value = _addr(v)
    attr.flags = flags
    _sys_bpf(BPF_MAP_UPDATE_ELEM, attr, "BPF_MAP_UPDATE_ELEM")


def map_lookup(fd: Fd | int, key: bytes, value_size: int) -> bytes | None:
    """``BPF_MAP_LOOKUP_ELEM``; None when the key is absent (ENOENT)."""
    attr = ffi.new("struct bpf_attr_map_elem *")
    k = ffi.from_buffer(bytes(key))
    v = ffi.new("char[]", value_size)
    attr.map_fd = int(fd)
    attr.key = _addr(k)
    attr.value = _addr(v)
    try:
        _sys_bpf(BPF_MAP_LOOKUP_ELEM, attr, "BPF_MAP_LOOKUP_ELEM")
    except KernelBpfError as e:
        if e.errno == _errno.ENOENT:
            return None
        raise
    return bytes(ffi.buffer(v, value_size))


def map_delete(fd: Fd | int, key: bytes) -> None:
    """``BPF_MAP_DELETE_ELEM``."""
    attr = ffi.new("struct bpf_attr_map_elem *")
    k = ffi.from_buffer(bytes(key))
    attr.map_fd = int(fd)
    attr.key = _addr(k)
    _sys_bpf(BPF_MAP_DELETE_ELEM, attr, "BPF_MAP_DELETE_ELEM")


def patch_map_fds(insns: bytes, fds: Mapping[int, int] | Iterable[tuple[int, int]]) -> bytes:
    """Point ``ld_imm64`` instructions at map fds (what libbpf's relocation step does).

    ``fds`` maps an instruction index (the first half of a ``BPF_LD | BPF_IMM | BPF_DW``)
    to a map fd; the instruction gets ``src_reg = BPF_PSEUDO_MAP_FD`` and ``imm = fd``.
    """
    buf = bytearray(insns)
    items = fds.items() if isinstance(fds, Mapping) else fds
    for idx, fd in items:
        off = idx * 8
        if buf[off] != 0x18:
            raise ValueError(f"insn {idx} is not ld_imm64")
        buf[off + 1] = (buf[off + 1] & 0x0F) | (BPF_PSEUDO_MAP_FD << 4)
        buf[off + 4 : off + 8] = int(fd).to_bytes(4, "little", signed=True)
    return bytes(buf)
