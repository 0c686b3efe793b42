"""``VM``: boot the provisioned kernel under qemu once, run many commands in it.

qemu runs as ``-accel tcg`` unless KVM is really usable (``/dev/kvm`` may exist on a CPU
without vmx/svm, where ``-accel kvm`` hangs at "Booting from ROM.." forever). Every wait has a
deadline: a boot that does not reach the agent, or a command that does not answer, raises
``VMTimeout`` and qemu is killed. qemu is killed on every exit path (``close()``, the context
manager, exceptions, KeyboardInterrupt, and a ``weakref.finalize`` backstop at interpreter
exit), and dies with its parent if that is SIGKILLed (``PR_SET_PDEATHSIG``); the temporary
folder is removed with it unless ``keep_work=True``.

What the guest sees (see docs/vm.md, "Security model"): not the host's ``/``, only
read-only 9p exports of the folders it needs (``/usr`` and the top-level ``/lib*``,
``/bin``, ``/sbin`` or their symlinks, the project, the Python installation, the kernel
modules, ``shares=`` the caller adds), a copy of ``/etc`` without anything that is not
world-readable (no ``/etc/shadow``), and one read-write folder, ``work``. Requests go the
other way through ``ctl``, a folder the guest can only read; answers come back in ``work``
and are opened without following links (``O_NOFOLLOW`` on every component below ``work``),
as regular files of bounded size, so nothing the guest plants there redirects the host.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import json
import os
import re
import secrets
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
import weakref
from collections.abc import Mapping, Sequence
from pathlib import Path

import attrs

from . import agent as _agent_module
from ._errors import VMError, VMTimeout, VMUnavailable
from ._initramfs import INIT_VERSION, SCENARIO_MODULES, build_initramfs
from ._provision import (
    BUSYBOX,
    Provisioned,
    default_cache_dir,
    extract_vmlinux,
    get_kernel,
    provision,
)

_SAFE_PATH = re.compile(r"^/[A-Za-z0-9_./+-]*$")
#: Largest answer file the host reads back from the guest.
MAX_ANSWER = 256 << 20
_LIBC = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
#: Top-level names that are folders or symlinks into /usr on a merged-/usr system.
_TOP = ("bin", "sbin", "lib", "lib32", "lib64", "libx32")


def _die_with_parent() -> None:
    """qemu's pre-exec hook: ``prctl(PR_SET_PDEATHSIG, SIGKILL)``."""
    _LIBC.prctl(1, signal.SIGKILL, 0, 0, 0)


def read_guest_file(base: Path, rel: str, limit: int = MAX_ANSWER) -> bytes:
    """Read ``base/rel`` where everything below ``base`` is guest-writable: every component
    is opened with ``O_NOFOLLOW`` (a planted symlink is ``OSError(ELOOP)``), the file must
    be regular (no FIFO to block on) and at most ``limit`` bytes."""
    parts = [p for p in rel.split("/") if p]
    fd = os.open(base, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    try:
        for d in parts[:-1]:
            nfd = os.open(d, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=fd)
            os.close(fd)
            fd = nfd
        ffd = os.open(parts[-1], os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=fd)
    finally:
        os.close(fd)
    with os.fdopen(ffd, "rb") as f:
        st = os.fstat(f.fileno())
        if not stat.S_ISREG(st.st_mode):
            raise OSError(f"{rel}: not a regular file")
        data = f.read(limit + 1)
    if len(data) > limit:
        raise OSError(f"{rel}: larger than {limit} bytes")
    return data


def remove_guest_file(base: Path, rel: str) -> None:
    """Unlink ``base/rel`` without following links on the way."""
    parts = [p for p in rel.split("/") if p]
    fd = os.open(base, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    try:
        for d in parts[:-1]:
            nfd = os.open(d, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=fd)
            os.close(fd)
            fd = nfd
        with contextlib.suppress(FileNotFoundError):
            os.unlink(parts[-1], dir_fd=fd)
    finally:
        os.close(fd)


def guest_etc(dst: Path, src: Path = Path("/etc")) -> int:
    """A copy of ``src`` for the guest: world-readable files (hard links where possible),
    world-searchable folders, symlinks as they are; nothing only root (or a group) may read:
    no ``shadow``, ``gshadow``, private keys, ``sudoers``. Returns the number of entries."""
    n = 0
    dst.mkdir(mode=0o755)
    for dirpath, dirnames, filenames in os.walk(src):
        rel = os.path.relpath(dirpath, src)
        out = dst if rel == "." else dst / rel
        keep = []
        for d in dirnames:
            full = os.path.join(dirpath, d)
            st = os.lstat(full)
            if stat.S_ISLNK(st.st_mode):
                os.symlink(os.readlink(full), out / d)
                n += 1
            elif st.st_mode & 0o005 == 0o005:
                (out / d).mkdir(mode=0o755)
                keep.append(d)
                n += 1
        dirnames[:] = keep
        for f in filenames:
            full = os.path.join(dirpath, f)
            st = os.lstat(full)
            if stat.S_ISLNK(st.st_mode):
                os.symlink(os.readlink(full), out / f)
            elif stat.S_ISREG(st.st_mode) and st.st_mode & stat.S_IROTH:
                try:
                    os.link(full, out / f, follow_symlinks=False)
                except OSError:
                    shutil.copy2(full, out / f)
            else:
                continue
            n += 1
    return n


@attrs.frozen
class RunResult:
    """What one command did in the guest."""

    argv: tuple[str, ...]
    rc: int
    stdout: str
    stderr: str
    seconds: float


def kvm_usable() -> bool:
    """True when ``-accel kvm`` can work: ``/dev/kvm`` is read-write *and* the CPU has
    vmx/svm. On these machines ``/dev/kvm`` exists without them and KVM would hang."""
    if not os.access("/dev/kvm", os.R_OK | os.W_OK):
        return False
    try:
        flags = Path("/proc/cpuinfo").read_text()
    except OSError:
        return False
    return re.search(r"^flags\s*:.*\b(vmx|svm)\b", flags, re.M) is not None


def _check_path(p: Path, what: str) -> str:
    s = str(p)
    if not _SAFE_PATH.match(s) or "//" in s:
        raise VMError(f"{what} {s!r}: the guest's /init takes only plain absolute paths "
                      "(letters, digits, _ . / + -)")
    return s


def _under(path: Path, parent: str) -> bool:
    return path == Path(parent) or Path(parent) in path.parents


def _user_kernel(kernel: Path, modules: Path, cache: Path) -> Provisioned:
    """Boot files for a user's own kernel: ``kernel`` is a bzImage or vmlinux, ``modules``
    is either a root containing ``lib/modules/<version>`` or that version folder itself."""
    if (modules / "modules.dep").exists():
        moddir = modules
        if moddir.parent.name != "modules" or moddir.parent.parent.name != "lib":
            raise VMError(f"{modules}: a modules folder must sit at <root>/lib/modules/<version>")
        modroot = moddir.parent.parent.parent
    else:
        found = sorted((modules / "lib" / "modules").glob("*/modules.dep"))
        if len(found) != 1:
            raise VMError(f"{modules}: expected exactly one lib/modules/<version>/modules.dep")
        moddir, modroot = found[0].parent, modules
    st = kernel.stat()
    key = f"{moddir.name}-{st.st_size}-{int(st.st_mtime)}"
    out = cache / "custom" / re.sub(r"[^A-Za-z0-9_.+-]", "_", key)
    out.mkdir(parents=True, exist_ok=True)
    vmlinux = kernel
    if kernel.read_bytes()[:4] != b"\x7fELF":
        try:
            extract_vmlinux(kernel, out / "vmlinux")
            vmlinux = out / "vmlinux"
        except VMError:
            vmlinux = kernel  # not XZ: qemu decompresses it itself, only slower
    initrd = out / f"initrd-{INIT_VERSION}.cpio"  # per /init version (shared caches)
    build_initramfs(moddir, BUSYBOX, initrd)
    return Provisioned(abi=moddir.name, vmlinux=vmlinux, initrd=initrd,
                       modroot=modroot, timings={}, total=0.0)


def _kill(proc: subprocess.Popen[bytes] | None, work: Path | None, keep: bool) -> None:
    """Kill qemu's process group and remove the VM's temporary folder (``work``'s parent)."""
    if proc is not None and proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=10)
    if work is not None and not keep:
        shutil.rmtree(work.parent, ignore_errors=True)


class VM:
    """A booted guest. Use as a context manager::

        with VM() as vm:
            r = vm.run(["tc", "qdisc", "show"])

    ``version`` picks the provisioned Debian kernel (``6.1``, the default, or ``6.12``);
    ``kernel``/``modules`` boot a user's own kernel instead.
    ``boot_timeout`` bounds the boot (qemu start to agent ready); ``run`` has its own.
    ``shares`` are more host folders the guest may read (a test-data folder), at the same
    paths; the work folder (``vm.work``) is the only one it can write.
    """

    def __init__(
        self,
        *,
        cache_dir: Path | str | None = None,
        kernel: Path | str | None = None,
        modules: Path | str | None = None,
        memory: str = "1G",
        smp: int = 2,
        accel: str = "auto",
        boot_timeout: float = 240.0,
        keep_work: bool = False,
        provisioned: Provisioned | None = None,
        version: str | None = None,
        shares: Sequence[Path | str] = (),
    ) -> None:
        if version is None and provisioned is not None:
            version = provisioned.kernel
        self.version = get_kernel(version).version
        self.cache_dir = Path(cache_dir) if cache_dir is not None else default_cache_dir()
        self._kernel = Path(kernel) if kernel is not None else None
        self._modules = Path(modules) if modules is not None else None
        if (self._kernel is None) != (self._modules is None):
            raise VMError("kernel= and modules= go together")
        self.memory = memory
        self.smp = smp
        self.accel = accel
        self.boot_timeout = boot_timeout
        self.keep_work = keep_work
        self.provisioned: Provisioned | None = provisioned
        self.shares = tuple(Path(os.path.realpath(p)) for p in shares)
        self.work: Path | None = None
        self.ctl: Path | None = None
        self.boot_seconds: float | None = None
        self.guest_uptime_at_ready: float | None = None
        self._proc: subprocess.Popen[bytes] | None = None
        self._seq = 0
        self._finalizer: weakref.finalize | None = None

    # -- lifecycle ---------------------------------------------------------------------------
    def __enter__(self) -> VM:
        self.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *exc: object) -> None:
        # stopped by a signal (not an error of ours): no polite shutdown, kill it now
        fast = exc_type is not None and not issubclass(exc_type, Exception)
        self.close(timeout=0 if fast else 20.0)

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def _accel(self) -> str:
        if self.accel == "auto":
            return "kvm" if kvm_usable() else "tcg"
        if self.accel == "kvm" and not kvm_usable():
            raise VMUnavailable("accel='kvm' asked for, but KVM is not usable here (no vmx/svm "
                                "or no /dev/kvm): it would hang; use 'tcg'")
        return self.accel

    def exports(self, prov: Provisioned) -> tuple[list[str], list[tuple[str, str]]]:
        """The host folders the guest gets (read-only, at the same paths) and the top-level
        symlinks it recreates ({path: target}): only what ``/init``, the agent, the tools
        and the project's Python need."""
        want = [Path("/usr")]
        links = []
        for top in _TOP:
            p = Path("/") / top
            if p.is_symlink():
                links.append((str(p), os.readlink(p)))
            elif p.is_dir():
                want.append(p)
        project = Path(__file__).resolve().parents[2]
        for p in (project, Path(sys.prefix), Path(sys.base_prefix),
                  Path(sys.executable).resolve().parent.parent, prov.modroot, *self.shares):
            want.append(Path(os.path.realpath(p)))
        out: list[str] = []
        for p in sorted(set(want), key=lambda x: len(x.parts)):
            if p == Path("/"):
                raise VMError("the guest is never given the host's whole /")
            if not any(_under(p, q) for q in out):
                out.append(_check_path(p, "shared folder"))
        return out, links

    def qemu_argv(self, prov: Provisioned, work: Path) -> list[str]:
        """The qemu command line (see netdevsim-vm.md step 6). ``work`` is the guest's
        read-write folder; its sibling ``ctl`` (read-only for the guest) carries the
        requests, ``etc`` the guest's /etc and ``mounts`` the list ``/init`` mounts."""
        root = work.parent
        ctl = root / "ctl"
        exports, links = self.exports(prov)
        append = " ".join([
            "console=ttyS0", "quiet", "panic=-1", "mitigations=off",
            f"offload_work={_check_path(work, 'work folder')}",
            f"offload_ctl={_check_path(ctl, 'control folder')}",
            f"offload_modroot={_check_path(prov.modroot, 'module root')}",
            f"offload_modules={','.join(SCENARIO_MODULES)}",
        ])
        share = "security_model=none,multidevs=remap"
        argv = [
            "qemu-system-x86_64", "-accel", self._accel(), "-machine", "q35", "-cpu", "max",
            "-smp", str(self.smp), "-m", self.memory, "-nographic", "-no-reboot",
            "-net", "none", "-monitor", "none", "-serial", "stdio",
            "-kernel", str(prov.vmlinux), "-initrd", str(prov.initrd), "-append", append,
            "-fsdev", f"local,id=ctl,path={ctl},readonly=on,{share}",
            "-device", "virtio-9p-pci,fsdev=ctl,mount_tag=ctl",
            "-fsdev", f"local,id=work,path={work},{share}",
            "-device", "virtio-9p-pci,fsdev=work,mount_tag=work",
            "-fsdev", f"local,id=etc,path={root / 'etc'},readonly=on,{share}",
            "-device", "virtio-9p-pci,fsdev=etc,mount_tag=etc",
        ]
        lines = ["mount etc /etc"]
        for i, path in enumerate(exports):
            argv += ["-fsdev", f"local,id=r{i},path={path},readonly=on,{share}",
                     "-device", f"virtio-9p-pci,fsdev=r{i},mount_tag=r{i}"]
            lines.append(f"mount r{i} {path}")
        for path, target in links:
            if not re.match(r"^[A-Za-z0-9_./+-]+$", target):
                raise VMError(f"{path} -> {target!r}: an unusual symlink target")
            lines.append(f"link {path} {target}")
        if ctl.is_dir():
            (ctl / "mounts").write_text("\n".join(lines) + "\n")
        return argv

    def start(self) -> None:
        """Provision if needed, boot, and wait for the guest agent (or raise and kill qemu)."""
        if self._proc is not None:
            raise VMError("this VM was already started")
        if shutil.which("qemu-system-x86_64") is None and self._kernel is not None:
            raise VMUnavailable("qemu-system-x86_64 not found (Debian package qemu-system-x86)")
        if self.provisioned is None:
            if self._kernel is not None and self._modules is not None:
                self.provisioned = _user_kernel(self._kernel, self._modules, self.cache_dir)
            else:
                self.provisioned = provision(self.cache_dir, kernel=self.version)
        prov = self.provisioned
        root = Path(tempfile.mkdtemp(prefix="offload-vm-"))  # 0700: the host's own
        self.work = root / "work"
        self.ctl = root / "ctl"
        try:
            self.work.mkdir(mode=0o755)
            (self.ctl / "req").mkdir(mode=0o755, parents=True)
            self.ctl.chmod(0o755)
            guest_etc(root / "etc")
            agent = Path(_agent_module.__file__).resolve()
            argv_lines = [sys.executable, "-I", str(agent), str(self.work), str(self.ctl)]
            if any("\n" in a for a in argv_lines):
                raise VMError("a path with a newline cannot be passed to the guest")
            (self.ctl / "boot-argv").write_text("\n".join(argv_lines) + "\n")
            console = open(root / "console.log", "wb")  # noqa: SIM115 - owned by qemu
            t0 = time.monotonic()
            try:
                self._proc = subprocess.Popen(
                    self.qemu_argv(prov, self.work), stdin=subprocess.DEVNULL, stdout=console,
                    stderr=subprocess.STDOUT, start_new_session=True,
                    preexec_fn=_die_with_parent,
                )
            finally:
                console.close()
            self._finalizer = weakref.finalize(self, _kill, self._proc, self.work, self.keep_work)
            self._wait_ready(t0)
            self.boot_seconds = time.monotonic() - t0
        except BaseException as exc:
            self.close(timeout=20.0 if isinstance(exc, Exception) else 0)
            raise

    def _wait_ready(self, t0: float) -> None:
        assert self.work is not None
        ready = self.work / "ready"
        while not os.path.lexists(ready):
            if not self.running:
                raise VMError(f"the VM stopped during boot:\n{self.console_tail()}")
            if time.monotonic() - t0 > self.boot_timeout:
                raise VMTimeout(f"the VM did not boot within {self.boot_timeout:.0f} s "
                                f"(accel {self._accel()}):\n{self.console_tail()}")
            time.sleep(0.05)
        with contextlib.suppress(ValueError, OSError, KeyError, TypeError):
            data = json.loads(read_guest_file(self.work, "ready", 1 << 16))
            self.guest_uptime_at_ready = float(data["uptime"])

    def console_tail(self, lines: int = 30) -> str:
        """The last lines of the serial console and of the agent's log, for error messages."""
        if self.work is None:
            return ""
        out = []
        for base, name in ((self.work.parent, "console.log"), (self.work, "boot.log")):
            try:
                data = read_guest_file(base, name, 16 << 20)
            except OSError:
                continue
            text = data.decode("utf-8", "replace").splitlines()[-lines:]
            out.append(f"--- {name}:\n" + "\n".join(text))
        return "\n".join(out)

    def close(self, timeout: float = 20.0) -> None:
        """Ask the agent to exit (the guest then powers off), and kill qemu if it lingers."""
        proc = self._proc
        if proc is not None and proc.poll() is None and self.work is not None:
            with contextlib.suppress(OSError, VMError):
                if os.path.lexists(self.work / "ready"):
                    self._submit({"op": "exit"})
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=timeout)
        if self._finalizer is not None:
            self._finalizer()
        else:
            _kill(proc, self.work, self.keep_work)

    # -- commands ----------------------------------------------------------------------------
    def put_file(self, name: str, data: str) -> Path:
        """Hand the guest a file it can read and not change: ``ctl/NAME`` (host-only
        folder, read-only share); returns its path (the same in the guest)."""
        if self.ctl is None:
            raise VMError("the VM is not started")
        if not re.match(r"^[A-Za-z0-9_.-]+$", name) or name.startswith("."):
            raise VMError(f"{name!r}: not a plain file name")
        path = self.ctl / name
        tmp = self.ctl / f".{name}.{secrets.token_hex(8)}"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
        with os.fdopen(fd, "w") as f:
            f.write(data)
        os.replace(tmp, path)
        return path

    def _submit(self, req: Mapping[str, object]) -> str:
        """Write a request into ``ctl/req`` (the guest cannot write there); returns the
        name of the answer the agent will write into ``work/res``."""
        assert self.ctl is not None
        self._seq += 1
        name = f"{self._seq:06d}-{secrets.token_hex(6)}.json"
        self.put_file(f"req-{name}", json.dumps(req))
        os.replace(self.ctl / f"req-{name}", self.ctl / "req" / name)
        return name

    def run(
        self,
        argv: Sequence[str],
        *,
        timeout: float = 120.0,
        env: Mapping[str, str] | None = None,
        cwd: str | None = None,
        stdin: str | None = None,
    ) -> RunResult:
        """Run ``argv`` in the guest (in its init network namespace, as root) and wait.

        The guest kills the command after ``timeout`` (rc 124); if the guest itself does not
        answer within ``timeout + 30`` s, qemu is killed and ``VMTimeout`` raised."""
        if not self.running:
            raise VMError("the VM is not running" + (f":\n{self.console_tail()}"
                                                     if self.work else ""))
        name = self._submit({"argv": list(argv), "cwd": cwd, "env": dict(env or {}),
                             "timeout": timeout, "stdin": stdin})
        assert self.work is not None and self.ctl is not None
        res = self.work / "res" / name
        deadline = time.monotonic() + timeout + 30
        delay = 0.005
        while not os.path.lexists(res):
            if not self.running:
                raise VMError(f"the VM died while running {list(argv)}:\n{self.console_tail()}")
            if time.monotonic() > deadline:
                tail = self.console_tail()
                self.close(timeout=0)
                raise VMTimeout(f"no answer from the guest for {list(argv)} within "
                                f"{timeout + 30:.0f} s; qemu killed:\n{tail}")
            time.sleep(delay)
            delay = min(delay * 2, 0.05)
        try:
            data = json.loads(read_guest_file(self.work, f"res/{name}"))
            remove_guest_file(self.work, f"res/{name}")
            (self.ctl / "req" / name).unlink(missing_ok=True)
            rc, out, err = int(data["rc"]), str(data["stdout"]), str(data["stderr"])
            secs = float(data["seconds"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise VMError(f"unusable answer from the guest for {list(argv)}: {exc}") from None
        return RunResult(tuple(argv), rc, out, err, secs)
