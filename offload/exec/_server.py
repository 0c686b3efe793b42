"""The emulator side of an ``offload exec`` sandbox: one :class:`offload.runner.Session` for
the whole run, serving the thin clients on a Unix socket and the FUSE views of the netdevsim
files.

Every ``tc``/``ip``/``ethtool``/``bpftool`` line a client sends runs through the same
session as ``offload run`` would run it (so it prints the same bytes and returns the same
status), checked by the :class:`offload.invariants.InvariantChecker` around it, and is kept
for ``--transcript`` and ``--report``. Writes to the netdevsim files through the FUSE view
are steps too (``echo V > PATH``, with the message ``sh`` would print). One lock serialises
the session between the socket thread and the FUSE threads.

The commands that only prepare a real kernel (``modprobe``, ``udevadm``, ``mount``) and
``ip netns exec`` are answered here too (:mod:`offload.exec._stubs`).
"""

from __future__ import annotations

import contextlib
import errno
import os
import shlex
import socket
import struct
import threading
from collections.abc import Callable, Iterator
from typing import Any

import attrs

from offload.exec import _stubs
from offload.explore._exec import (
    STATE_INVARIANTS,
    ExploreConfig,
    ExploreSession,
    is_filter_change,
    make_emulator,
)
from offload.invariants import InvariantChecker, Violation
from offload.script import Command
from offload.transcript import Entry
from offload.vfs import WriteError

#: The commands the emulator answers; a client under another name is a stub or an error.
EMULATED = ("tc", "ip", "ethtool", "bpftool")
KIND_RESULT, KIND_EXEC = 0, 1
_U32 = struct.Struct("<I")
_HEAD = struct.Struct("<IiII")
FS_LOCK_TIMEOUT = 20.0
#: argv[0] of a client's registration of its mount namespace for a network namespace
REGISTER = "\x01register"


@attrs.frozen
class Reply:
    """What a client does: print ``out``/``err`` and exit ``rc`` (``KIND_RESULT``), or exec
    ``argv`` with ``env`` added (``KIND_EXEC``)."""

    kind: int = KIND_RESULT
    rc: int = 0
    out: str = ""
    err: str = ""
    argv: tuple[str, ...] = ()
    env: tuple[tuple[str, str], ...] = ()

    def encode(self) -> bytes:
        if self.kind == KIND_EXEC:
            out = b"".join(os.fsencode(a) + b"\0" for a in self.argv)
            err = b"".join(os.fsencode(f"{k}={v}") + b"\0" for k, v in self.env)
        else:
            out, err = self.out.encode("utf-8", "surrogateescape"), \
                self.err.encode("utf-8", "surrogateescape")
        return _HEAD.pack(self.kind, self.rc, len(out), len(err)) + out + err


@attrs.define
class ExecOptions:
    """What ``offload exec``'s options ask of the emulator."""

    profile: str = "v6.1"
    nic: str = "netdevsim"
    driver: Any = None  # offload.plugins.DriverSpec, a plugin name, or None (simnic)
    driver_timeout: float | str | None = "default"  # the driver watchdog (core.boundary)
    snapshots: bool = False  # per-step state, for --report


class Emulation:
    """One emulator and session for a whole sandbox run, and what it served."""

    def __init__(self, opts: ExecOptions, real: dict[str, str] | None = None) -> None:
        self.opts = opts
        self.emu = make_emulator(ExploreConfig(profile=opts.profile, nic=opts.nic,
                                               driver=opts.driver,
                                               driver_timeout=opts.driver_timeout))
        self.session = ExploreSession(self.emu)
        self.vfs = self.session.ctx.vfs
        self.checker = InvariantChecker(self.emu)
        self.lock = threading.Lock()
        self.entries: list[Entry] = []
        self.violations: list[Violation] = []
        self.snapshots: list[Any] = []
        self.real = dict(real or {})  # tool name -> the real binary (for stubs that pass on)
        self.mounts_hidden: list[str] = []  # mount points `mount` does not show
        self.netns_of_mntns: dict[str, str] = {}  # set by the clients of `ip netns exec`
        self._open: set[tuple[str, str]] = set()

    # -- steps -------------------------------------------------------------------------------
    def _step(self, cmd: Command, run: Callable[[], Entry]) -> Entry:
        """Run one step with the invariant checks around it (the lock is held)."""
        self.checker.before_step()
        entry = run()
        found = self.checker.after_step(failed=entry.rc != 0, filter_change=is_filter_change(cmd))
        keys = {(v.invariant, v.where) for v in found}
        self.violations.extend(v for v in found if v.invariant not in STATE_INVARIANTS
                               or (v.invariant, v.where) not in self._open)
        self._open = keys
        self.entries.append(entry)
        if self.opts.snapshots:
            from offload.report import snapshot

            self.snapshots.append(snapshot(self.emu))
        return entry

    def run_tool(self, argv: list[str], cwd: str, netns: str) -> Entry:
        """One ``tc``/``ip``/``ethtool``/``bpftool`` line, as ``offload run`` runs it."""
        prog = os.path.basename(argv[0])
        words = (prog, *argv[1:])
        text = shlex.join(words)
        if netns:
            text = f"ip netns exec {shlex.quote(netns)} {text}"
        cmd = Command(text=text, argv=words)
        with self.lock:
            _chdir(cwd)
            try:
                return self._step(cmd, lambda: self._execute(cmd, netns, cwd))
            finally:
                _chdir("/")

    def _execute(self, cmd: Command, netns: str, cwd: str) -> Entry:
        if not netns:
            return self.session.execute(cmd)
        execute_in = getattr(self.session, "execute_in", None)
        if not callable(execute_in):
            return Entry(cmd.text, 1, "", "offload exec: network namespaces are not "
                         "emulated by this version of offload\n")
        entry = execute_in(list(cmd.argv), netns, None)  # run_tool is in cwd already
        return attrs.evolve(entry, cmd=cmd.text)

    def has_netns(self, name: str) -> bool:
        has = getattr(self.session, "has_netns", None)
        with self.lock:
            return bool(has(name)) if callable(has) else False

    def write_file(self, path: str, text: str) -> None:
        """A write(2) to a netdevsim file through the FUSE view: a step like ``echo``."""
        shown = text[:-1] if text.endswith("\n") else text
        words = ("echo", shown) if text.endswith("\n") else ("echo", "-n", shown)
        line = f"{shlex.join(words)} > {path}"
        cmd = Command(text=line, argv=words, redirect=path)
        failure: list[OSError] = []

        def run() -> Entry:
            begin = getattr(getattr(self.emu, "log", None), "begin_step", None)
            if callable(begin):
                begin(line)
            try:
                self.vfs.write(path, text)
            except OSError as exc:
                failure.append(exc)
                code = exc.errno or errno.EIO
                msg = (f"sh: echo: write error: {os.strerror(code)}\n"
                       if isinstance(exc, WriteError) else f"sh: {path}: {os.strerror(code)}\n")
                return Entry(line, 1, "", msg)
            return Entry(line, 0)

        with self.fs_locked():
            self._step(cmd, run)
        if failure:
            raise failure[0]

    def unlink_file(self, path: str, remove: Callable[[str], None]) -> None:
        """``rm PATH`` of a pinned object through the FUSE view: a step like ``rm``."""
        line = f"rm {shlex.quote(path)}"
        cmd = Command(text=line, argv=("rm", path))
        failure: list[OSError] = []

        def run() -> Entry:
            try:
                remove(path)
            except OSError as exc:
                failure.append(exc)
                code = exc.errno or errno.EIO
                return Entry(line, 1, "", f"rm: cannot remove '{path}': {os.strerror(code)}\n")
            return Entry(line, 0)

        with self.fs_locked():
            self._step(cmd, run)
        if failure:
            raise failure[0]

    @contextlib.contextmanager
    def fs_locked(self) -> Iterator[None]:
        """The lock, for a FUSE thread: EDEADLK rather than a hang if the command holding it
        is itself reading these files through the kernel."""
        if not self.lock.acquire(timeout=FS_LOCK_TIMEOUT):
            raise OSError(errno.EDEADLK, os.strerror(errno.EDEADLK))
        try:
            yield
        finally:
            self.lock.release()

    # -- requests ------------------------------------------------------------------------------
    def handle(self, cwd: str, netns: str, argv: list[str], mntns: str = "") -> Reply:
        """The answer to one client's request. The network namespace it speaks for is the
        one its mount namespace was registered for by ``ip netns exec`` (what survives an
        emptied environment), else ``$OFFLOAD_NETNS``, else the initial one."""
        if not argv:
            return Reply(rc=127, err="offload exec: empty request\n")
        if argv[0] == REGISTER:
            if len(argv) == 2 and mntns:
                with self.lock:
                    self.netns_of_mntns[mntns] = argv[1]
            return Reply()
        with self.lock:
            netns = self.netns_of_mntns.get(mntns, netns)
        prog = os.path.basename(argv[0])
        if prog == "ip":
            target = _stubs.netns_exec_target(argv[1:])
            if target is not None:
                return self._netns_exec(*target)
        if prog in EMULATED:
            e = self.run_tool(argv, cwd, netns)
            return Reply(rc=e.rc, out=e.stdout, err=e.stderr)
        stub = getattr(_stubs, f"stub_{prog}", None)
        if stub is None:
            return Reply(rc=127, err=f"offload exec: {prog}: not served by the sandbox\n")
        return stub(argv, self)

    def _netns_exec(self, name: str, argv: list[str]) -> Reply:
        """``ip netns exec NAME CMD...``: CMD runs for real, its tools speaking for NAME."""
        if not argv:
            return Reply(rc=1, err="No command specified\n")
        if not self.has_netns(name):
            return Reply(rc=255, err=f'Cannot open network namespace "{name}": '
                         'No such file or directory\n')
        return Reply(kind=KIND_EXEC, argv=tuple(argv), env=(("OFFLOAD_NETNS", name),))

    # -- results ----------------------------------------------------------------------------------
    def audit_text(self) -> tuple[bool, str]:
        with self.lock:
            report = self.emu.audit()
        return bool(getattr(report, "ok", True)), str(report).strip()


def _chdir(path: str) -> None:
    """Follow the client's cwd (relative object paths), never into the FUSE views (their
    lookups would wait for the lock this thread holds)."""
    if not path or path.startswith(_stubs.VIEWS):
        path = "/"
    try:
        os.chdir(path)
    except OSError:
        os.chdir("/")


# -- the socket ----------------------------------------------------------------------------------
def _recv_exact(conn: socket.socket, n: int) -> bytes:
    buf = bytearray()
    while len(buf) < n:
        chunk = conn.recv(n - len(buf))
        if not chunk:
            raise ConnectionError("short read")
        buf += chunk
    return bytes(buf)


def read_request(conn: socket.socket) -> tuple[str, str, str, list[str]]:
    """``(cwd, netns, mntns, argv)`` from the wire format of client.c."""
    (count,) = _U32.unpack(_recv_exact(conn, 4))
    if count < 4 or count > 8192:
        raise ValueError(f"bad request ({count} fields)")
    fields = []
    for _ in range(count):
        (n,) = _U32.unpack(_recv_exact(conn, 4))
        if n > 1 << 20:
            raise ValueError("field too long")
        fields.append(os.fsdecode(_recv_exact(conn, n)))
    return fields[0], fields[1], fields[2], fields[3:]


class SocketServer:
    """Serves :class:`Emulation` on a Unix socket, one thread per connection."""

    def __init__(self, emulation: Emulation, path: str) -> None:
        self.emulation = emulation
        self.path = path
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.bind(path)
        os.chmod(path, 0o600)
        self.sock.listen(128)
        self.served = 0
        self._thread = threading.Thread(target=self._loop, name="offload-exec-socket",
                                        daemon=True)
        self._stop = False

    def start(self) -> None:
        self._thread.start()

    def _loop(self) -> None:
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        with conn:
            try:
                conn.settimeout(30)
                cwd, netns, mntns, argv = read_request(conn)
            except (OSError, ValueError, ConnectionError):
                return
            try:
                reply = self.emulation.handle(cwd, netns, argv, mntns)
            except Exception as exc:  # never leave a client hanging
                reply = Reply(rc=70, err=f"offload: internal error: {type(exc).__name__}: "
                              f"{exc}\n")
            self.served += 1
            with contextlib.suppress(OSError):
                conn.sendall(reply.encode())

    def close(self) -> None:
        self._stop = True
        with contextlib.suppress(OSError):
            self.sock.shutdown(socket.SHUT_RDWR)
        self.sock.close()
        with contextlib.suppress(OSError):
            os.unlink(self.path)
