"""netdevsim's control files as a small virtual file system.

The paths and their behaviour mirror drivers/net/netdevsim: ``bus.c`` (``new_device`` and
``del_device`` under ``/sys/bus/netdevsim/``, write-only, parsed like ``new_device_store()``
and ``del_device_store()``; ``devices/netdevsimID/net/`` listing the ports), ``dev.c`` and
``bpf.c`` debugfs (``/sys/kernel/debug/netdevsim/netdevsimID/`` with the device knobs,
``bpf_bound_progs/SEQ/{id,state,loaded}`` and ``ports/P/`` with the port knobs). Values come
from and go to the emulator's netdevsim bus (``emu.nsim``), which raises ``OSError`` as the
kernel's handlers would fail.

``ports/P/dev`` is a symbolic link to the device's folder (``../../../netdevsimID``, as
``nsim_dev_port_debugfs_init()`` makes it with ``debugfs_create_symlink``): a :class:`Node`
with ``link`` set, followed by every lookup of a path through it (as path walk does) and
returned as itself by ``lookup(path, follow=False)``/``readlink``.

The third tree is bpffs at ``/sys/fs/bpf`` (``kernel/bpf/inode.c``): the emulator's pinned
objects (``emu.pinned``, path -> program or map) and folders (``emu.bpffs_dirs``). A pin
cannot be opened for reading or writing (``bpffs_obj_open``: EIO); ``unlink`` removes a pin
(``bpf_obj_unlink`` path: the object loses that reference), ``mkdir``/``rmdir`` make and
remove folders (``bpf_mkdir``, ``simple_rmdir``: ENOTEMPTY while it holds anything).

Errors surface as ``OSError`` with the errno a real open/read/write would give, so the shell
commands in :mod:`offload.tc.coreutils` can print exactly what ``cat``/``sh`` print. Only the
three trees exist; every other path is refused with :class:`VfsForbidden`.
"""

from __future__ import annotations

import contextlib
import errno
import os
import posixpath
import re
from collections.abc import Callable
from typing import Any

import attrs

BUS = "/sys/bus/netdevsim"
DEBUGFS = "/sys/kernel/debug/netdevsim"
BPFFS = "/sys/fs/bpf"
ALLOWED_PREFIXES = (BUS + "/", DEBUGFS + "/", BPFFS + "/")
MAXSYMLINKS = 40


class VfsForbidden(Exception):
    """A path outside netdevsim's control files."""


class WriteError(OSError):
    """The file opened, but write(2) failed (the handler refused the value)."""


@attrs.frozen
class Node:
    """A directory (``list`` set), a file (``read`` and/or ``write`` set) or a symbolic
    link (``link`` set: returns the target, relative to the link's folder or absolute)."""

    list: Callable[[], list[str]] | None = None
    read: Callable[[], str] | None = None
    write: Callable[[str], None] | None = None
    link: Callable[[], str] | None = None

    @property
    def is_dir(self) -> bool:
        return self.list is not None

    @property
    def is_link(self) -> bool:
        return self.link is not None


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
    def lookup(self, path: str, follow: bool = True) -> Node:
        """The node at ``path``; ``OSError(ENOENT)`` when there is none. Links on the way
        are followed; the last component too unless ``follow`` is false (``lstat``)."""
        return self._walk(self.check(path), follow)[1]

    def realpath(self, path: str) -> str:
        """``path`` with every link resolved (the path the kernel finally opens)."""
        return self._walk(self.check(path), True)[0]

    def readlink(self, path: str) -> str:
        """The target of the link at ``path``; EINVAL for anything else (readlink(2))."""
        node = self.lookup(path, follow=False)
        if node.link is None:
            raise _err(errno.EINVAL)
        return node.link()

    def _walk(self, norm: str, follow: bool) -> tuple[str, Node]:
        """Path walk: resolve ``norm``, substituting links found on the way (at most
        ``MAXSYMLINKS``, then ELOOP); the result must stay inside the trees."""
        for _ in range(MAXSYMLINKS):
            node = self._resolve(norm)
            if node is not None:
                if node.link is None or not follow:
                    return norm, node
                norm = self._target(norm, node.link(), [])
                continue
            parts = norm.split("/")
            root = next(r for r in (BUS, DEBUGFS, BPFFS) if (norm + "/").startswith(r + "/"))
            for i in range(root.count("/") + 2, len(parts)):
                prefix = "/".join(parts[:i])
                up = self._resolve(prefix)
                if up is None:
                    raise _err(errno.ENOENT)
                if up.link is not None:
                    norm = self._target(prefix, up.link(), parts[i:])
                    break
                if not up.is_dir:
                    raise _err(errno.ENOTDIR)
            else:
                raise _err(errno.ENOENT)
        raise _err(errno.ELOOP)

    def _target(self, link_path: str, target: str, rest: list[str]) -> str:
        base = target if target.startswith("/") else posixpath.join(
            posixpath.dirname(link_path), target)
        return self.check(posixpath.normpath(posixpath.join(base, *rest)))

    def _resolve(self, norm: str) -> Node | None:
        if norm == BPFFS or norm.startswith(BPFFS + "/"):
            return self._bpffs(norm)
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

    # -- bpffs -----------------------------------------------------------------------------
    def _pins(self) -> dict[str, Any]:
        return getattr(self.emu, "pinned", {})

    def _dirs(self) -> set[str]:
        return getattr(self.emu, "bpffs_dirs", set())

    def _bpffs(self, norm: str) -> Node | None:
        if norm == BPFFS or norm in self._dirs():
            prefix = norm + "/"
            names = {p[len(prefix):] for p in [*self._pins(), *self._dirs()]
                     if p.startswith(prefix) and "/" not in p[len(prefix):]}
            return Node(list=lambda: sorted(names))
        if norm in self._pins():
            return Node(read=self._obj_open, write=self._obj_open)
        return None

    @staticmethod
    def _obj_open(*_: Any) -> str:
        """``bpffs_obj_open``: a pinned program or map cannot be read like a file."""
        raise _err(errno.EIO)

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
            return Node(list=lambda: self._net_ports(nsim, dev))
        if len(parts) == 4 and parts[2] == "net" and parts[3] in self._net_ports(nsim, dev):
            return Node(list=lambda: [])
        return None

    def _net_ports(self, nsim: Any, dev: int) -> list[str]:
        """``devices/netdevsimID/net/``: sysfs's net class is tagged by namespace, so only
        the ports in the reader's namespace (``emu.net``) are listed."""
        here = getattr(self.emu, "net", None)
        try:
            ports = nsim.driver(dev).ports
        except (AttributeError, OSError):
            return list(nsim.port_names(dev))
        return [p.netdev.name for p in ports
                if getattr(p.netdev, "net", None) in (None, here)]

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
        if rest[1:] == ["dev"]:
            return Node(link=lambda: f"../../../netdevsim{dev}")
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
        """``new_device_store()``: ``ID [PORT_COUNT [NUM_QUEUES]]``, at least one port (the
        bus's own parser when it has one)."""
        parse = getattr(self.nsim, "parse_new_device", None)
        if parse is not None:
            dev_id, ports = parse(text)
            if ports == 0:
                raise _err(errno.EINVAL)
            self.nsim.new_device(dev_id, ports)
            return
        nums = _uints(text)
        if nums is None:
            raise _err(errno.EINVAL)
        ports = nums[1] if len(nums) > 1 else 1
        if ports == 0:
            raise _err(errno.EINVAL)
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
        try:
            norm, node = self._walk(norm, True)
        except OSError as exc:
            if exc.errno != errno.ENOENT:
                raise
            parent = None
            with contextlib.suppress(OSError):
                parent = self.lookup(posixpath.dirname(norm))
            if parent is not None and parent.is_dir and norm.startswith(BPFFS + "/"):
                raise _err(errno.EPERM) from None  # bpffs has no ->create for open(O_CREAT)
            # creating a file in sysfs/debugfs is refused (no ->create): EACCES
            raise _err(errno.EACCES if parent is not None and parent.is_dir
                       else errno.ENOENT) from None
        if node.is_dir:
            raise _err(errno.EISDIR)
        if node.write is None:
            raise _err(errno.EACCES)
        if norm in self._pins():
            node.write(text)  # the open fails: EIO, not a write error
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

    def unlink(self, path: str) -> None:
        """unlink(2): a bpffs pin goes (its object loses that reference); a folder is
        EISDIR; sysfs and debugfs files cannot be removed (EPERM)."""
        norm = self.check(path)
        parent = self.realpath(posixpath.dirname(norm))
        norm = posixpath.join(parent, posixpath.basename(norm))
        node = self._resolve(norm)
        if node is None:
            raise _err(errno.ENOENT)
        if not norm.startswith(BPFFS + "/"):
            raise _err(errno.EPERM)
        if node.is_dir:
            raise _err(errno.EISDIR)
        self.emu.unpin(norm)

    def mkdir(self, path: str) -> None:
        """mkdir(2): only bpffs makes folders (``bpf_mkdir``); EEXIST, ENOENT for a missing
        parent, EPERM in sysfs/debugfs."""
        norm = self.check(path)
        parent = self.realpath(posixpath.dirname(norm))
        norm = posixpath.join(parent, posixpath.basename(norm))
        if self._resolve(norm) is not None:
            raise _err(errno.EEXIST)
        if not self.lookup(parent).is_dir:
            raise _err(errno.ENOTDIR)
        if not norm.startswith(BPFFS + "/"):
            raise _err(errno.EPERM)
        self.emu.bpffs_mkdir(norm)

    def rmdir(self, path: str) -> None:
        """rmdir(2) of a bpffs folder: ENOTEMPTY while it holds pins or folders."""
        norm = self.check(path)
        node = self._resolve(norm)
        if node is None:
            raise _err(errno.ENOENT)
        if not node.is_dir:
            raise _err(errno.ENOTDIR)
        if not norm.startswith(BPFFS + "/") or norm not in self._dirs():
            raise _err(errno.EPERM)
        if self.listdir(norm):
            raise _err(errno.ENOTEMPTY)
        self.emu.bpffs_rmdir(norm)

