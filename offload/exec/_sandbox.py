"""The sandbox of ``offload exec``: a private mount namespace in which the tools and the
netdevsim files are the emulator's, and CMD runs for real.

Steps (:func:`run`): check the machine (:func:`check_machine`), make a private folder
(0700) for the socket and the clients, unshare the mount namespace (with a user namespace
first when not root, the user mapped to root in it) and make every mount private, fork CMD
(held until the sandbox is ready, killed if ``offload exec`` dies), start the emulator, its
socket and the FUSE view, then mount in the namespace only:

- a read-only overlay of the client folder over ``/usr/sbin`` and ``/usr/bin`` (and
  ``/sbin``, ``/bin`` where they are not links), so ``/sbin/tc``, ``/usr/bin/ip`` ... are
  the clients; PATH starts with the client folder too;
- a tmpfs over ``/sys/bus`` holding a bind mount of every real ``/sys/bus/*`` and the FUSE
  view at ``netdevsim`` (sysfs has no mkdir); the FUSE view at ``/sys/kernel/debug`` and
  ``/sys/fs/bpf``.

Teardown runs whatever ends the run (CMD exits or is killed, SIGINT/SIGTERM/SIGHUP): every
process CMD left is killed (``offload exec`` is their subreaper), the socket closed, the
FUSE view unmounted and the folder removed; the namespace and its mounts die with the last
process in it. Nothing is mounted or changed outside it.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import hashlib
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

CLONE_NEWNS = 0x00020000
CLONE_NEWUSER = 0x10000000
MS_RDONLY, MS_NOSUID, MS_NODEV = 1, 2, 4
MS_REMOUNT, MS_BIND, MS_REC = 32, 4096, 16384
MS_PRIVATE = 1 << 18
MNT_DETACH = 2
PR_SET_PDEATHSIG = 1
PR_SET_CHILD_SUBREAPER = 36

#: The tools the clients stand for, and the stubs (see :mod:`offload.exec._stubs`).
TOOLS = ("tc", "ip", "ethtool", "bpftool")
STUBS = ("modprobe", "udevadm", "mount")
CLIENT_SOURCE = Path(__file__).with_name("client.c")
FUSE_DEVICE = "/dev/fuse"

_libc = ctypes.CDLL(None, use_errno=True)
_libc.mount.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_ulong,
                        ctypes.c_char_p]
_libc.umount2.argtypes = [ctypes.c_char_p, ctypes.c_int]
_libc.unshare.argtypes = [ctypes.c_int]
_libc.prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong,
                        ctypes.c_ulong]


class SandboxUnavailable(RuntimeError):
    """The machine cannot give a sandbox; the message says what is missing and how to get it."""


def _check(rc: int, what: str) -> None:
    if rc != 0:
        code = ctypes.get_errno()
        raise OSError(code, f"{what}: {os.strerror(code)}")


def mount(src: str | None, target: str, fstype: str | None, flags: int,
          data: str | None = None) -> None:
    def b(s: str | None) -> bytes | None:
        return None if s is None else os.fsencode(s)

    _check(_libc.mount(b(src), b(target), b(fstype), flags, b(data)), f"mount {target}")


def umount(target: str) -> None:
    _libc.umount2(os.fsencode(target), MNT_DETACH)


# -- the machine ---------------------------------------------------------------------------------
def check_machine() -> None:
    """Raise :class:`SandboxUnavailable` naming each missing piece and how to get it."""
    missing = []
    if not sys.platform.startswith("linux"):
        raise SandboxUnavailable("offload exec needs Linux (mount and user namespaces, FUSE)")
    try:
        fd = os.open(FUSE_DEVICE, os.O_RDWR)
        os.close(fd)
    except FileNotFoundError:
        missing.append(f"{FUSE_DEVICE} does not exist: load the module (modprobe fuse), or in a "
                       "container start it with --device /dev/fuse")
    except PermissionError:
        missing.append(f"{FUSE_DEVICE} is not readable and writable by you (it is normally mode "
                       "0666: chmod 0666 /dev/fuse, or in a container --device /dev/fuse)")
    except OSError as exc:
        missing.append(f"{FUSE_DEVICE} cannot be opened: {exc.strerror}")
    try:
        import mfusepy  # noqa: F401
    except ImportError:
        missing.append("the mfusepy package is not installed: pip install mfusepy (it is "
                       "a dependency of offload: pip install -e .)")
    except (OSError, AttributeError) as exc:
        missing.append(f"libfuse was not found ({exc}): apt-get install fuse3 (Debian/"
                       "Ubuntu) or dnf install fuse3-libs")
    if os.getuid() != 0:
        userns = _read_int("/proc/sys/user/max_user_namespaces")
        clone = _read_int("/proc/sys/kernel/unprivileged_userns_clone")
        if userns == 0 or clone == 0:
            missing.append("user namespaces are disabled for unprivileged users: "
                           "sysctl -w kernel.unprivileged_userns_clone=1 user."
                           "max_user_namespaces=10000 (or run offload exec as root)")
    if missing:
        raise SandboxUnavailable("offload exec cannot make its sandbox here:\n  - "
                                 + "\n  - ".join(missing))


def _read_int(path: str) -> int | None:
    try:
        return int(Path(path).read_text().strip())
    except (OSError, ValueError):
        return None


# -- the clients ---------------------------------------------------------------------------------
def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "offload" / "exec"


def build_client(workdir: Path, warn: Callable[[str], None]) -> Path:
    """The C client, compiled once per source version into ~/.cache/offload/exec (a
    pure-Python client when there is no C compiler)."""
    if os.environ.get("OFFLOAD_EXEC_CLIENT") == "python":  # forced (tests, debugging)
        return _python_client(workdir)
    src = CLIENT_SOURCE.read_bytes()
    tag = hashlib.sha256(src).hexdigest()[:16]
    cached = _cache_dir() / f"client-{tag}"
    if not cached.exists():
        cc = os.environ.get("CC") or shutil.which("cc") or shutil.which("gcc") \
            or shutil.which("clang")
        if cc is None:
            warn("offload exec: no C compiler (cc) found: using the Python client, "
                 "about 20 ms per command (apt-get install gcc for the fast one)")
            return _python_client(workdir)
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            tmp = cached.with_name(f".{cached.name}.{os.getpid()}")
            for extra in (["-static"], []):
                r = subprocess.run([cc, "-O2", "-s", *extra, "-o", str(tmp), str(CLIENT_SOURCE)],
                                   capture_output=True, text=True)
                if r.returncode == 0:
                    break
            else:
                warn(f"offload exec: compiling the client failed, using the Python client:\n"
                     f"{r.stderr.strip()}")
                return _python_client(workdir)
            os.replace(tmp, cached)
        except OSError as exc:
            warn(f"offload exec: cannot build the client in {cached.parent} ({exc.strerror}): "
                 "using the Python client")
            return _python_client(workdir)
    out = workdir / "offload-client"
    shutil.copyfile(cached, out)
    os.chmod(out, 0o755)
    return out


PY_CLIENT = '''\
#!{python} -SE
# offload exec: the Python client (no C compiler was found); same wire format as client.c
import os, socket, struct, sys
def mntns():
    try:
        return os.readlink("/proc/self/ns/mnt")
    except OSError:
        return ""
def unshare_ns():
    import ctypes
    try:
        return ctypes.CDLL(None, use_errno=True).unshare(0x00020000) == 0
    except OSError:
        return False
def call(path, fields):
    fields = [f if isinstance(f, bytes) else os.fsencode(f) for f in fields]
    req = struct.pack("<I", len(fields)) + b"".join(struct.pack("<I", len(f)) + f for f in fields)
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        s.connect(path)
        s.sendall(req)
        buf = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            buf += chunk
    except OSError as exc:
        sys.stderr.write("offload exec: cannot reach the emulator at %s: %s\\n"
                         % (path, exc.strerror))
        sys.exit(127)
    kind, rc, no, ne = struct.unpack("<IiII", buf[:16])
    return kind, rc, buf[16:16 + no], buf[16 + no:16 + no + ne]
def main():
    path = os.environ.get("OFFLOAD_EXEC_SOCK") or os.path.join(
        os.path.dirname(os.path.abspath(sys.argv[0])), ".offload-exec.sock")
    try:
        cwd = os.getcwd()
    except OSError:
        cwd = ""
    kind, rc, out, err = call(path, [cwd, os.environ.get("OFFLOAD_NETNS", ""), mntns(),
                                     *sys.argv])
    if kind == 1:
        argv = [os.fsdecode(a) for a in out.split(b"\\0")[:-1]]
        env = dict(os.environ)
        for kv in err.split(b"\\0")[:-1]:
            k, _, v = os.fsdecode(kv).partition("=")
            env[k] = v
        if env.get("OFFLOAD_NETNS") and unshare_ns():
            call(path, [cwd, env["OFFLOAD_NETNS"], mntns(), "\\x01register",
                        env["OFFLOAD_NETNS"]])
        try:
            os.execvpe(argv[0], argv, env)
        except OSError as exc:
            sys.stderr.write('exec of "%s" failed: %s\\n' % (argv[0], exc.strerror))
            return 255
    os.write(1, out) if out else None
    os.write(2, err) if err else None
    return rc
sys.exit(main())
'''


def _python_client(workdir: Path) -> Path:
    out = workdir / "offload-client"
    out.write_text(PY_CLIENT.replace("{python}", sys.executable))
    os.chmod(out, 0o755)
    return out


SOCK_LINK = ".offload-exec.sock"


def make_shims(workdir: Path, client: Path, sock: str) -> Path:
    """A folder with every tool and stub name, each the client, and the link to the socket
    that a client finds next to itself when the rig emptied its environment."""
    shims = workdir / "bin"
    shims.mkdir()
    for name in (*TOOLS, *STUBS):
        os.link(client, shims / name)
    os.symlink(sock, shims / SOCK_LINK)
    return shims


# -- namespaces ------------------------------------------------------------------------------------
def enter_namespaces() -> None:
    """A private mount namespace (in a user namespace mapping us to root when not root).
    Must run while the process has a single thread."""
    uid, gid = os.getuid(), os.getgid()
    if uid != 0:
        try:
            _check(_libc.unshare(CLONE_NEWUSER | CLONE_NEWNS), "unshare(CLONE_NEWUSER)")
        except OSError as exc:
            raise SandboxUnavailable(
                f"offload exec cannot make a user namespace ({exc.strerror}): enable "
                "unprivileged user namespaces (sysctl -w kernel.unprivileged_userns_clone=1 "
                "user.max_user_namespaces=10000) or run as root") from None
        Path("/proc/self/setgroups").write_text("deny")
        Path("/proc/self/uid_map").write_text(f"0 {uid} 1")
        Path("/proc/self/gid_map").write_text(f"0 {gid} 1")
    else:
        try:
            _check(_libc.unshare(CLONE_NEWNS), "unshare(CLONE_NEWNS)")
        except OSError as exc:
            raise SandboxUnavailable(f"offload exec cannot make a mount namespace "
                                     f"({exc.strerror}): in a container, give it "
                                     "CAP_SYS_ADMIN or allow unshare") from None
    mount(None, "/", None, MS_REC | MS_PRIVATE)


def _tool_dirs() -> list[str]:
    """The system folders whose tools the clients stand in for (links resolved, once each)."""
    out: list[str] = []
    for d in ("/usr/sbin", "/usr/bin", "/sbin", "/bin", "/usr/local/sbin", "/usr/local/bin"):
        if os.path.islink(d) or not os.path.isdir(d):
            continue
        real = os.path.realpath(d)
        if real not in out:
            out.append(real)
    return out


class Mounts:
    """The mounts made in the namespace, undone in reverse order."""

    def __init__(self) -> None:
        self.targets: list[str] = []

    def add(self, src: str | None, target: str, fstype: str | None, flags: int,
            data: str | None = None) -> None:
        mount(src, target, fstype, flags, data)
        self.targets.append(target)

    def bind(self, src: str, target: str, rec: bool = False) -> None:
        self.add(src, target, None, MS_BIND | (MS_REC if rec else 0))

    def undo(self) -> None:
        while self.targets:
            umount(self.targets.pop())


def overlay_tools(mounts: Mounts, shims: Path) -> list[str]:
    """The clients over the system tool folders: an overlay where the kernel allows one, a
    bind mount over each existing tool otherwise."""
    done = []
    for d in _tool_dirs():
        try:
            mounts.add("offload-tools", d, "overlay", MS_RDONLY,
                       f"lowerdir={shims}:{d}")
            done.append(d)
            continue
        except OSError:
            pass
        for name in (*TOOLS, *STUBS):
            target = os.path.join(d, name)
            if os.path.lexists(target) and not os.path.isdir(target):
                try:
                    mounts.bind(str(shims / name), os.path.realpath(target))
                except OSError:
                    continue
        done.append(d)
    return done


def mount_views(mounts: Mounts, fuse_root: str) -> None:
    """The FUSE view at /sys/bus/netdevsim (a tmpfs over /sys/bus with the real buses bound
    back in), /sys/kernel/debug and /sys/fs/bpf."""
    bus_fd = os.open("/sys/bus", os.O_RDONLY | os.O_DIRECTORY)
    try:
        names = sorted(n for n in os.listdir(bus_fd) if n != "netdevsim")
        mounts.add("offload-sysbus", "/sys/bus", "tmpfs", MS_NOSUID | MS_NODEV, "mode=0755")
        for name in names:
            os.mkdir(f"/sys/bus/{name}")
            mounts.bind(f"/proc/self/fd/{bus_fd}/{name}", f"/sys/bus/{name}", rec=True)
    finally:
        os.close(bus_fd)
    os.mkdir("/sys/bus/netdevsim")
    mounts.bind(f"{fuse_root}/bus", "/sys/bus/netdevsim")
    for top, target in (("debug", "/sys/kernel/debug"), ("bpf", "/sys/fs/bpf")):
        if not os.path.isdir(target):
            raise SandboxUnavailable(f"{target} does not exist on this kernel (it needs "
                                     "CONFIG_DEBUG_FS and CONFIG_BPF_SYSCALL)")
        mounts.bind(f"{fuse_root}/{top}", target)


# -- processes -------------------------------------------------------------------------------------
def descendants(root: int) -> list[int]:
    """Every live process below ``root``, parents before children."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                data = f.read()
        except OSError:
            continue
        ppid = int(data[data.rindex(b")") + 2:].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [root]
    while todo:
        for pid in children.get(todo.pop(), []):
            out.append(pid)
            todo.append(pid)
    return out


def kill_all(root: int, first: int = signal.SIGKILL, grace: float = 0.0) -> None:
    """Signal every descendant of ``root`` and reap them until none is left."""
    if first != signal.SIGKILL:
        for pid in descendants(root):
            _kill(pid, first)
        end = time.monotonic() + grace
        while time.monotonic() < end and _reap_some(root):
            time.sleep(0.02)
    for _ in range(200):
        left = descendants(root)
        if not left:
            return
        for pid in left:
            _kill(pid, signal.SIGKILL)
        _reap_some(root)
        time.sleep(0.01)


def _kill(pid: int, sig: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, sig)


def _reap_some(root: int) -> bool:
    """Reap exited children; True while some are left."""
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return False
        if pid == 0:
            return True


class _Stop(Exception):
    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _on_signal(signum: int, frame: Any) -> None:
    raise _Stop(signum)


def _fork_held(argv: Sequence[str], env: dict[str, str]) -> tuple[int, int]:
    """Fork CMD, held on a pipe until :func:`_release`; it dies with us (PDEATHSIG)."""
    r, w = os.pipe()
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:  # the child: single-threaded copy of us, about to exec
        try:
            os.close(w)
            _libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
            if os.getppid() != parent:
                os._exit(137)
            for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGPIPE,
                        signal.SIGXFSZ):
                signal.signal(sig, signal.SIG_DFL)
            go = os.read(r, 1)
            os.close(r)
            if go != b"g":
                os._exit(127)
            try:
                os.execvpe(argv[0], list(argv), env)
            except OSError as exc:
                os.write(2, f"offload exec: {argv[0]}: {exc.strerror}\n".encode())
                os._exit(126 if exc.errno in (errno.EACCES, errno.ENOEXEC) else 127)
        finally:
            os._exit(127)
    os.close(r)
    return pid, w


def _exit_status(status: int) -> int:
    if os.WIFSIGNALED(status):
        return 128 + os.WTERMSIG(status)
    return os.WEXITSTATUS(status)

# -- the whole run ------------------------------------------------------------------------
# -- the whole run ---------------------------------------------------------------------------------
def _remove_private(workdir: Path) -> None:
    """Remove our folder without ever crossing into a mount (it must hold none by now)."""
    top = os.lstat(workdir)
    for dirpath, dirnames, filenames in os.walk(workdir, topdown=False):
        for name in filenames:
            p = os.path.join(dirpath, name)
            try:
                if os.lstat(p).st_dev == top.st_dev:
                    os.unlink(p)
            except OSError:
                pass
        for name in dirnames:
            p = os.path.join(dirpath, name)
            try:
                st = os.lstat(p)
                if st.st_dev == top.st_dev and stat.S_ISDIR(st.st_mode):
                    os.rmdir(p)
                elif stat.S_ISLNK(st.st_mode):
                    os.unlink(p)
            except OSError:
                pass
    with contextlib.suppress(OSError):
        os.rmdir(workdir)


def sweep_stale(parent: Path) -> None:
    """Clean up after earlier runs whose ``offload exec`` was killed with SIGKILL (no chance
    to tear down): CMD died with it (PDEATHSIG), but processes CMD started may live on in
    that run's private mount namespace, recorded in its folder; they are killed (nothing
    else can be in that namespace), then the folder is removed."""
    for d in parent.glob("offload-exec-*-*"):
        try:
            pid = int(d.name.split("-")[2])
            st = d.lstat()
            if st.st_uid != os.getuid() or not stat.S_ISDIR(st.st_mode):
                continue
            os.kill(pid, 0)
            continue  # that run is alive
        except ProcessLookupError:
            pass
        except (ValueError, OSError):
            continue
        try:
            ns = (d / "mntns").read_text().strip()
        except OSError:
            ns = ""
        if ns.startswith("mnt:[") and ns != os.readlink("/proc/self/ns/mnt"):
            for _ in range(50):
                holders = _ns_holders(ns)
                if not holders:
                    break
                for h in holders:
                    _kill(h, signal.SIGKILL)
                time.sleep(0.02)
        _remove_private(d)


def _ns_holders(ns: str) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if os.readlink(f"/proc/{entry}/ns/mnt") == ns:
                    out.append(int(entry))
            except OSError:
                continue
    return out


def run(argv: Sequence[str], make_emulation: Callable[[dict[str, str]], Any],
        on_ready: Callable[[float], None] | None = None,
        warn: Callable[[str], None] | None = None) -> tuple[int, Any, int]:
    """Run ``argv`` in the sandbox. ``make_emulation(real_tools)`` builds the
    :class:`offload.exec._server.Emulation`. Returns ``(status, emulation, served)``;
    ``status`` is CMD's (128+N when killed by signal N, or when we got signal N)."""
    t0 = time.monotonic()
    say = warn or (lambda m: print(m, file=sys.stderr))
    check_machine()
    from offload.exec._fusefs import serve
    from offload.exec._server import SocketServer

    prefix = f"offload-exec-{os.getpid()}-"
    workdir = Path(tempfile.mkdtemp(prefix=prefix))
    if len(str(workdir / "sock")) > 100:  # a Unix socket path holds 108 bytes
        os.rmdir(workdir)
        workdir = Path(tempfile.mkdtemp(prefix=prefix, dir="/tmp"))
    sweep_stale(workdir.parent)
    os.chmod(workdir, 0o700)
    old_handlers = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM,
                                                      signal.SIGHUP)}
    mounts = Mounts()
    server = None
    fuse_thread = None
    child = 0
    go_fd = -1
    real_fds: list[int] = []
    emulation = None
    status = 0
    try:
        for s in old_handlers:
            signal.signal(s, _on_signal)
        client = build_client(workdir, say)
        sock = str(workdir / "sock")
        shims = make_shims(workdir, client, sock)
        env = dict(os.environ)
        env.pop("OFFLOAD_NETNS", None)
        env["OFFLOAD_EXEC_SOCK"] = sock
        env["PATH"] = f"{shims}:{env.get('PATH', '/usr/sbin:/usr/bin:/sbin:/bin')}"
        env["OFFLOAD_EXEC"] = "1"
        real: dict[str, str] = {}
        for name in ("mount",):  # the real binaries the stubs hand over to
            path = shutil.which(name, path="/usr/bin:/bin:/usr/sbin:/sbin")
            if path is not None:
                fd = os.open(path, os.O_PATH)
                real_fds.append(fd)
                real[name] = f"/proc/{os.getpid()}/fd/{fd}"
        enter_namespaces()
        (workdir / "mntns").write_text(os.readlink("/proc/self/ns/mnt") + "\n")
        _libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
        child, go_fd = _fork_held(list(argv), env)
        emulation = make_emulation(real)
        server = SocketServer(emulation, sock)
        server.start()
        fuse_root = str(workdir / "fuse")
        os.mkdir(fuse_root)
        ready = threading.Event()
        errors: list[BaseException] = []
        fuse_thread = threading.Thread(target=serve, args=(emulation, fuse_root, ready, errors),
                                       name="offload-exec-fuse", daemon=True)
        # libfuse talks on stderr while it mounts (a harmless "Ignoring invalid max threads
        # value" with some libfuse/mfusepy pairs): keep that out of CMD's stderr, show it
        # only when the mount fails
        log_path = workdir / "fuse.log"
        saved_err = os.dup(2)
        log_fd = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(log_fd, 2)
        try:
            fuse_thread.start()
            up = ready.wait(15)
        finally:
            os.dup2(saved_err, 2)
            os.close(saved_err)
            os.close(log_fd)
        if not up or errors:
            said = log_path.read_text(errors="replace").strip()
            detail = f": {errors[0]}" if errors else " (no answer in 15 s)"
            raise SandboxUnavailable(f"offload exec: the FUSE view did not mount{detail}"
                                     + (f"\n{said}" if said else ""))
        mounts.targets.append(fuse_root)
        overlaid = overlay_tools(mounts, shims)
        mount_views(mounts, fuse_root)
        emulation.mounts_hidden = [str(workdir), "/sys/bus", *overlaid]
        if on_ready is not None:
            on_ready(time.monotonic() - t0)
        os.write(go_fd, b"g")
        os.close(go_fd)
        go_fd = -1
        while True:
            pid, st = os.waitpid(child, 0)
            if pid == child:
                status = _exit_status(st)
                child = 0
                break
    except _Stop as stop:
        status = 128 + stop.signum
        _ignore_signals()
        kill_all(os.getpid(), first=signal.SIGTERM, grace=0.5)
        child = 0
    finally:
        _ignore_signals()
        if go_fd >= 0:
            os.close(go_fd)
        kill_all(os.getpid())
        served = server.served if server is not None else 0
        if server is not None:
            server.close()
        mounts.undo()
        if fuse_thread is not None:
            fuse_thread.join(3)
        for fd in real_fds:
            os.close(fd)
        _remove_private(workdir)
        for s, h in old_handlers.items():
            signal.signal(s, h)
    return status, emulation, served


def _ignore_signals() -> None:
    for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(s, signal.SIG_IGN)
