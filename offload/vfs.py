"""netdevsim's control files as a small virtual file system.

The paths and their behaviour mirror drivers/net/netdevsim: ``bus.c`` (``new_device`` and
``del_device`` under ``/sys/bus/netdevsim/``, write-only, parsed like ``new_device_store()``
and ``del_device_store()``; ``devices/netdevsimID/net/`` listing the ports), ``dev.c`` and
``bpf.c`` debugfs (``/sys/kernel/debug/netdevsim/netdevsimID/`` with the device knobs,
``bpf_bound_progs/SEQ/{id,state,loaded}`` and ``ports/P/`` with the port knobs). Values come
from and go to the emulator's netdevsim bus (``emu.nsim``), which raises ``OSError`` as the
kernel's handlers would fail.

Errors surface as ``OSError`` with the errno a real open/read/write would give, so the shell
commands in :mod:`offload.tc.coreutils` can print exactly what ``cat``/``sh`` print. Only the
two netdevsim trees exist; every other path is refused with :class:`VfsForbidden`.
"""

from __future__ import annotations

import errno
import os
import posixpath
import re
from collections.abc import Callable
from typing import Any

import attrs

BUS = "/sys/bus/netdevsim"
DEBUGFS = "/sys/kernel/debug/netdevsim"
ALLOWED_PREFIXES = (BUS + "/", DEBUGFS + "/")


class VfsForbidden(Exception):
    """A path outside netdevsim's control files."""


class WriteError(OSError):
    """The file opened, but write(2) failed (the handler refused the value)."""


@attrs.frozen
class Node:
    """A directory (``list`` set) or a file (``read`` and/or ``write`` set)."""

    list: Callable[[], list[str]] | None = None
    read: Callable[[], str] | None = None
    write: Callable[[str], None] | None = None

    @property
    def is_dir(self) -> bool:
        return self.list is not None


def _err(code: int) -> OSError:
    return OSError(code, os.strerror(code))


def _uints(text: str) -> list[int] | None:
    """``sscanf(buf, "%u %u %u")``: leading unsigned decimals (at most three)."""
    out = []
    for m in re.finditer(r"\S+", text):
        if not re.fullmatch(r"\+?\d+", m.group(0)) or len(out) == 3:
            break
        out.append(int(m.group(0)) & 0xFFFFFFFF)
    return out or None


def _nl(text: str) -> str:
    return text if text.endswith("\n") else text + "\n"


class Vfs:
    """The virtual tree over an emulator (``emu.nsim`` may be absent: then neither tree
    exists, as without the netdevsim module)."""

    def __init__(self, emu: Any) -> None:
        self.emu = emu

    @property
    def nsim(self) -> Any:
        return getattr(self.emu, "nsim", None)

    @staticmethod
    def check(path: str) -> str:
        """The normalised path, or :class:`VfsForbidden`."""
        norm = posixpath.normpath(path) if path.startswith("/") else ""
        if not norm or not any((norm + "/").startswith(p) for p in ALLOWED_PREFIXES):
            raise VfsForbidden(path)
        return norm

    # -- lookup ----------------------------------------------------------------------------
    def lookup(self, path: str) -> Node:
        """The node at ``path``; ``OSError(ENOENT)`` when there is none."""
        norm = self.check(path)
        node = self._resolve(norm)
        if node is None:
            raise _err(errno.ENOENT)
        return node

    def _resolve(self, norm: str) -> Node | None:
        nsim = self.nsim
        if nsim is None:
            return None
        if norm == BUS:
            return Node(list=lambda: ["del_device", "devices", "drivers", "new_device"])
        if norm.startswith(BUS + "/"):
            return self._bus(nsim, norm[len(BUS) + 1:].split("/"))
        if norm == DEBUGFS:
            return Node(list=lambda: [f"netdevsim{i}" for i in nsim.device_ids()])
        return self._debugfs(nsim, norm[len(DEBUGFS) + 1:].split("/"))

    @staticmethod
    def _dev_id(name: str, nsim: Any) -> int | None:
        m = re.fullmatch(r"netdevsim(\d+)", name)
        if m is None or int(m.group(1)) not in nsim.device_ids():
            return None
        return int(m.group(1))

    def _bus(self, nsim: Any, parts: list[str]) -> Node | None:
        if parts == ["new_device"]:
            return Node(write=self._new_device)
        if parts == ["del_device"]:
            return Node(write=self._del_device)
        if parts == ["drivers"]:
            return Node(list=lambda: ["netdevsim"])
        if parts[0] != "devices":
            return None
        if len(parts) == 1:
            return Node(list=lambda: [f"netdevsim{i}" for i in nsim.device_ids()])
        dev = self._dev_id(parts[1], nsim)
        if dev is None:
            return None
        if len(parts) == 2:
            return Node(list=lambda: ["net"])
        if parts[2:] == ["net"]:
            return Node(list=lambda: list(nsim.port_names(dev)))
        if len(parts) == 4 and parts[2] == "net" and parts[3] in nsim.port_names(dev):
            return Node(list=lambda: [])
        return None

    def _debugfs(self, nsim: Any, parts: list[str]) -> Node | None:
        dev = self._dev_id(parts[0], nsim)
        if dev is None:
            return None
        rest = parts[1:]
        if not rest:
            return Node(list=lambda: sorted([*nsim.knob_names(dev, None),
                                             "bpf_bound_progs", "ports"]))
        if rest[0] == "bpf_bound_progs":
            return self._bound(nsim, dev, rest[1:])
        if rest[0] == "ports":
            return self._ports(nsim, dev, rest[1:])
        if len(rest) == 1 and rest[0] in nsim.knob_names(dev, None):
            return self._knob(nsim, dev, None, rest[0])
        return None

    def _bound(self, nsim: Any, dev: int, rest: list[str]) -> Node | None:
        progs = {str(seq): (pid, state, loaded) for seq, pid, state, loaded
                 in nsim.bound_progs(dev)}
        if not rest:
            return Node(list=lambda: sorted(progs, key=int))
        entry = progs.get(rest[0])
        if entry is None:
            return None
        if len(rest) == 1:
            return Node(list=lambda: ["id", "loaded", "state"])
        pid, state, loaded = entry
        values = {"id": f"{pid}\n", "state": f"{state}\n", "loaded": "Y\n" if loaded else "N\n"}
        if len(rest) == 2 and rest[1] in values:
            return Node(read=lambda: values[rest[1]], write=self._read_only)
        return None

    def _ports(self, nsim: Any, dev: int, rest: list[str]) -> Node | None:
        count = len(nsim.port_names(dev))
        if not rest:
            return Node(list=lambda: [str(i) for i in range(count)])
        if not re.fullmatch(r"\d+", rest[0]) or int(rest[0]) >= count:
            return None
        port = int(rest[0])
        if len(rest) == 1:
            return Node(list=lambda: sorted([*nsim.knob_names(dev, port), "dev"]))
        if len(rest) == 2 and rest[1] in nsim.knob_names(dev, port):
            return self._knob(nsim, dev, port, rest[1])
        return None

    @staticmethod
    def _knob(nsim: Any, dev: int, port: int | None, name: str) -> Node:
        return Node(read=lambda: _nl(nsim.read_knob(dev, port, name)),
                    write=lambda text: nsim.write_knob(dev, port, name, text))

    @staticmethod
    def _read_only(text: str) -> None:
        raise _err(errno.EINVAL)

    # -- bus writes ------------------------------------------------------------------------
    def _new_device(self, text: str) -> None:
        """``new_device_store()``: ``ID [PORT_COUNT [NUM_QUEUES]]`` (the bus's own parser when
        it has one)."""
        # a port count of 0 is accepted: a device without ports (recorded on 6.1)
        parse = getattr(self.nsim, "parse_new_device", None)
        if parse is not None:
            dev_id, ports = parse(text)
            self.nsim.new_device(dev_id, ports)
            return
        nums = _uints(text)
        if nums is None:
            raise _err(errno.EINVAL)
        ports = nums[1] if len(nums) > 1 else 1
        self.nsim.new_device(nums[0], ports)

    def _del_device(self, text: str) -> None:
        """``del_device_store()``: ``ID``."""
        nums = _uints(text)
        if nums is None:
            raise _err(errno.EINVAL)
        self.nsim.del_device(nums[0])

    # -- operations as the shell commands see them -------------------------------------------
    def read(self, path: str) -> str:
        node = self.lookup(path)
        if node.is_dir:
            raise _err(errno.EISDIR)
        if node.read is None:
            raise _err(errno.EACCES)
        return node.read()

    def write(self, path: str, text: str) -> None:
        norm = self.check(path)
        node = self._resolve(norm)
        if node is None:
            parent = self._resolve(posixpath.dirname(norm))
            # creating a file in sysfs/debugfs is refused (no ->create): EACCES
            raise _err(errno.EACCES if parent is not None and parent.is_dir else errno.ENOENT)
        if node.is_dir:
            raise _err(errno.EISDIR)
        if node.write is None:
            raise _err(errno.EACCES)
        try:
            node.write(text)
        except WriteError:
            raise
        except OSError as exc:
            code = exc.errno or errno.EIO
            raise WriteError(code, os.strerror(code)) from None

    def listdir(self, path: str) -> list[str]:
        node = self.lookup(path)
        if not node.is_dir:
            raise _err(errno.ENOTDIR)
        assert node.list is not None
        return sorted(node.list())
