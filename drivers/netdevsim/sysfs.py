"""Control of the real netdevsim driver through sysfs and debugfs.

Mirrors what ``drivers/net/netdevsim/bus.c`` exposes: writing ``"ID PORTS"`` to
``/sys/bus/netdevsim/new_device`` creates ``netdevsimID`` (``new_device_store()``), ``"ID"``
to ``del_device`` removes it (``del_device_store()``). The ports are created in the network
namespace **of the writing task** (``nsim_bus_dev->initial_net = current->nsproxy->net_ns``),
and asynchronously with respect to the write, so callers wait for them. Knobs live in
debugfs under ``/sys/kernel/debug/netdevsim/netdevsimID/`` (``nsim_dev_debugfs_init()``,
``nsim_bpf_dev_init()``, ``nsim_bpf_init()`` in bpf.c).

The vocabulary follows the kernel selftests' ``NetdevSimDev`` (create, port names, remove),
with cleanup through a context manager instead of ``__del__``.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import json
import os
import subprocess
import threading
import time
from pathlib import Path

import attrs

BUS = Path("/sys/bus/netdevsim")
DEBUGFS = Path("/sys/kernel/debug/netdevsim")
NETNS_RUN = Path("/run/netns")
_CLONE_NEWNET = 0x40000000
#: The only folders tools are taken from (never ``$PATH``: a script's environment is not
#: trusted with root).
SYSTEM_DIRS = ("/usr/sbin", "/usr/bin", "/sbin", "/bin")
TOOL_ENV = {"PATH": ":".join(SYSTEM_DIRS), "LANG": "C.UTF-8"}


def system_tool(name: str) -> str:
    """``name`` from :data:`SYSTEM_DIRS` (the bare name when it is in none of them)."""
    for d in SYSTEM_DIRS:
        p = os.path.join(d, name)
        if os.access(p, os.X_OK):
            return p
    return name
# loaded once here: enter_netns() also runs between fork and exec, where loading is unsafe
_LIBC = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)


class NetdevsimError(RuntimeError):
    """netdevsim is missing, a device could not be created, or its ports never appeared."""


def available() -> bool:
    """True when the netdevsim bus exists (the module is loaded)."""
    return (BUS / "new_device").exists()


def enter_netns(netns: str) -> None:
    """Move the calling *thread* (in a forked child: the process) into
    ``/run/netns/NETNS`` with setns(2) and CLONE_NEWNET."""
    libc = _LIBC
    fd = os.open(NETNS_RUN / netns, os.O_RDONLY)
    try:
        if libc.setns(fd, _CLONE_NEWNET) != 0:
            err = ctypes.get_errno()
            raise OSError(err, f"setns({netns}): {os.strerror(err)}")
    finally:
        os.close(fd)


class WriteError(OSError):
    """The file opened and the write(2) itself failed (the store method's errno, e.g.
    ``del_device_store()``'s ENOENT for an unknown id): a shell says ``echo: write error``
    where an open that fails says ``PATH: ...``."""


def write_file(path: Path | str, data: str, netns: str | None = None) -> None:
    """Write ``data`` to ``path`` in one write(2), like ``echo data > path`` (opened as a
    shell's ``>`` opens, O_WRONLY|O_CREAT|O_TRUNC).

    With ``netns``, the write is done by a helper thread that first enters that network
    namespace (a netdevsim created that way gets its ports there). Raises ``OSError`` when
    the open fails, :class:`WriteError` when the write does."""
    def write() -> None:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            os.write(fd, data.encode())
        except OSError as exc:
            raise WriteError(exc.errno, exc.strerror, str(path)) from None
        finally:
            os.close(fd)

    if netns is None:
        write()
        return
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            enter_netns(netns)
            write()
        except BaseException as exc:  # re-raised in the caller's thread
            errors.append(exc)

    t = threading.Thread(target=worker, name=f"setns-{netns}")
    t.start()
    t.join()
    if errors:
        raise errors[0]


def port_names(dev_id: int, netns: str | None = None) -> list[str]:
    """Names of the ports of ``netdevsimID``, in port order.

    In the caller's namespace they are the entries of ``/sys/bus/netdevsim/devices/
    netdevsimID/net/`` (sysfs only shows the devices of the namespace it was mounted in);
    in another namespace they are read from ``ip -n NETNS -d -j link show`` (``parentdev``)."""
    if netns is None:
        d = BUS / "devices" / f"netdevsim{dev_id}" / "net"
        try:
            names = os.listdir(d)
        except FileNotFoundError:
            return []
        return sorted(names, key=lambda n: _port_index(_read(d / n / "phys_port_name"), n))
    p = subprocess.run([system_tool("ip"), "-n", netns, "-d", "-j", "link", "show"],
                       capture_output=True, text=True, check=False, env=dict(TOOL_ENV))
    if p.returncode != 0:
        return []
    links = [ln for ln in json.loads(p.stdout or "[]") if ln.get("parentbus") == "netdevsim"
             and ln.get("parentdev") == f"netdevsim{dev_id}"]
    links.sort(key=lambda ln: _port_index(ln.get("phys_port_name", ""), ln["ifname"]))
    return [ln["ifname"] for ln in links]


def _read(path: Path) -> str:
    try:
        return path.read_text().strip()
    except OSError:
        return ""


def _port_index(phys_port_name: str, name: str) -> tuple[int, str]:
    """netdevsim names its ports ``p<index+1>`` (``nsim_get_phys_port_name()``)."""
    digits = phys_port_name.removeprefix("p")
    return (int(digits) if digits.isdigit() else 1 << 30, name)


def wait_ports(dev_id: int, count: int, netns: str | None = None,
               timeout: float = 10.0) -> list[str]:
    """Wait until ``netdevsimID`` has ``count`` ports visible; returns their names."""
    deadline = time.monotonic() + timeout
    delay = 0.005
    while True:
        names = port_names(dev_id, netns)
        if len(names) >= count:
            return names
        if time.monotonic() > deadline:
            raise NetdevsimError(f"netdevsim{dev_id}: {len(names)} of {count} ports appeared "
                                 f"within {timeout:.0f} s")
        time.sleep(delay)
        delay = min(delay * 2, 0.1)


def parse_new_device(value: str) -> tuple[int, int]:
    """``"ID [PORTS [QUEUES]]"`` as ``new_device_store()`` reads it -> (id, ports)."""
    parts = value.split()
    dev_id = int(parts[0])
    ports = int(parts[1]) if len(parts) > 1 else 1
    return dev_id, ports


@attrs.define
class NetdevsimDev:
    """One netdevsim bus device. ``NetdevsimDev.create(...)`` makes it and waits for its
    ports; use it as a context manager (or call ``destroy()``) to remove it."""

    id: int
    port_count: int = 1
    netns: str | None = None
    ports: list[str] = attrs.field(factory=list)

    @classmethod
    def create(cls, dev_id: int | None = None, port_count: int = 1, netns: str | None = None,
               timeout: float = 10.0) -> NetdevsimDev:
        if not available():
            raise NetdevsimError("netdevsim is not loaded (no /sys/bus/netdevsim/new_device)")
        if dev_id is None:
            dev_id = free_id()
        write_file(BUS / "new_device", f"{dev_id} {port_count}", netns)
        dev = cls(dev_id, port_count, netns)
        try:
            dev.ports = wait_ports(dev_id, port_count, netns, timeout)
        except BaseException:
            dev.destroy()
            raise
        return dev

    def __enter__(self) -> NetdevsimDev:
        return self

    def __exit__(self, *exc: object) -> None:
        self.destroy()

    @property
    def exists(self) -> bool:
        return (BUS / "devices" / f"netdevsim{self.id}").exists()

    def destroy(self) -> None:
        """``echo ID > del_device``; a device already gone is fine."""
        if self.exists:
            write_file(BUS / "del_device", f"{self.id}")

    @property
    def dfs(self) -> Path:
        return DEBUGFS / f"netdevsim{self.id}"

    def knob_path(self, name: str, port: int | None = None) -> Path:
        base = self.dfs if port is None else self.dfs / "ports" / str(port)
        return base / name

    def read_knob(self, name: str, port: int | None = None) -> str:
        """A debugfs knob, e.g. ``bpf_bind_accept`` or (per port) ``bpf_tc_accept``."""
        return self.knob_path(name, port).read_text().strip()

    def write_knob(self, name: str, value: str | bool | int, port: int | None = None) -> None:
        if isinstance(value, bool):
            value = "Y" if value else "N"
        write_file(self.knob_path(name, port), f"{value}\n")

    def bound_progs(self) -> dict[int, dict[str, str]]:
        """``bpf_bound_progs/N/{id,state,loaded}`` for each device-bound program netdevsim
        holds (``nsim_bpf_create_prog()``): N -> {file: content}."""
        out: dict[int, dict[str, str]] = {}
        d = self.dfs / "bpf_bound_progs"
        if not d.is_dir():
            return out
        for entry in sorted(d.iterdir(), key=lambda p: int(p.name) if p.name.isdigit() else -1):
            if entry.name.isdigit():
                out[int(entry.name)] = {f.name: f.read_text().strip() for f in entry.iterdir()}
        return out


def free_id(start: int = 1) -> int:
    """The lowest netdevsim bus id not in use."""
    used = {int(p.name.removeprefix("netdevsim")) for p in (BUS / "devices").glob("netdevsim*")}
    i = start
    while i in used:
        i += 1
    return i
