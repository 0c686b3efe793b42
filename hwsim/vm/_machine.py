"""``VM``: boot the provisioned kernel under qemu once, run many commands in it.

qemu runs as ``-accel tcg`` unless KVM is really usable (``/dev/kvm`` may exist on a CPU
without vmx/svm, where ``-accel kvm`` hangs at "Booting from ROM.." forever). Every wait has a
deadline: a boot that does not reach the agent, or a command that does not answer, raises
``VMTimeout`` and qemu is killed. qemu is killed on every exit path (``close()``, the context
manager, exceptions, KeyboardInterrupt, and a ``weakref.finalize`` backstop at interpreter
exit); the temporary work folder is removed with it unless ``keep_work=True``.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
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
from ._initramfs import SCENARIO_MODULES, build_initramfs
from ._provision import (
    BUSYBOX,
    Provisioned,
    default_cache_dir,
    extract_vmlinux,
    get_kernel,
    provision,
)

_SAFE_PATH = re.compile(r"^/[A-Za-z0-9_./+-]*$")


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
    build_initramfs(moddir, BUSYBOX, out / "initrd.cpio")
    return Provisioned(abi=moddir.name, vmlinux=vmlinux, initrd=out / "initrd.cpio",
                       modroot=modroot, timings={}, total=0.0)


def _kill(proc: subprocess.Popen[bytes] | None, work: Path | None, keep: bool) -> None:
    if proc is not None and proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=10)
    if work is not None and not keep:
        shutil.rmtree(work, ignore_errors=True)


class VM:
    """A booted guest. Use as a context manager::

        with VM() as vm:
            r = vm.run(["tc", "qdisc", "show"])

    ``version`` picks the provisioned Debian kernel (``6.1``, the default, or ``6.12``);
    ``kernel``/``modules`` boot a user's own kernel instead.
    ``boot_timeout`` bounds the boot (qemu start to agent ready); ``run`` has its own.
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
        self.work: Path | None = None
        self.boot_seconds: float | None = None
        self.guest_uptime_at_ready: float | None = None
        self._proc: subprocess.Popen[bytes] | None = None
        self._seq = 0
        self._finalizer: weakref.finalize | None = None

    # -- lifecycle ---------------------------------------------------------------------------
    def __enter__(self) -> VM:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

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

    def qemu_argv(self, prov: Provisioned, work: Path) -> list[str]:
        """The qemu command line (see netdevsim-vm.md step 6)."""
        keeptmp = any(_under(p, "/tmp") for p in (Path(sys.prefix).resolve(), prov.modroot,
                                                     Path(__file__).resolve()))
        append = " ".join([
            "console=ttyS0", "quiet", "panic=-1", "mitigations=off",
            f"offload_work={_check_path(work, 'work folder')}",
            f"offload_modroot={_check_path(prov.modroot, 'module root')}",
            f"offload_modules={','.join(SCENARIO_MODULES)}",
            f"offload_keeptmp={1 if keeptmp else 0}",
        ])
        share = "security_model=none,multidevs=remap"
        return [
            "qemu-system-x86_64", "-accel", self._accel(), "-machine", "q35", "-cpu", "max",
            "-smp", str(self.smp), "-m", self.memory, "-nographic", "-no-reboot",
            "-net", "none", "-monitor", "none", "-serial", "stdio",
            "-kernel", str(prov.vmlinux), "-initrd", str(prov.initrd), "-append", append,
            "-fsdev", f"local,id=hostroot,path=/,readonly=on,{share}",
            "-device", "virtio-9p-pci,fsdev=hostroot,mount_tag=hostroot",
            "-fsdev", f"local,id=work,path={work},{share}",
            "-device", "virtio-9p-pci,fsdev=work,mount_tag=work",
        ]

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
        self.work = Path(tempfile.mkdtemp(prefix="offload-vm-"))
        try:
            agent = Path(_agent_module.__file__).resolve()
            argv_lines = [sys.executable, "-I", str(agent), str(self.work)]
            if any("\n" in a for a in argv_lines):
                raise VMError("a path with a newline cannot be passed to the guest")
            (self.work / "boot-argv").write_text("\n".join(argv_lines) + "\n")
            console = open(self.work / "console.log", "wb")  # noqa: SIM115 - owned by qemu
            t0 = time.monotonic()
            try:
                self._proc = subprocess.Popen(
                    self.qemu_argv(prov, self.work), stdin=subprocess.DEVNULL, stdout=console,
                    stderr=subprocess.STDOUT, start_new_session=True,
                )
            finally:
                console.close()
            self._finalizer = weakref.finalize(self, _kill, self._proc, self.work, self.keep_work)
            self._wait_ready(t0)
            self.boot_seconds = time.monotonic() - t0
        except BaseException:
            self.close()
            raise

    def _wait_ready(self, t0: float) -> None:
        assert self.work is not None
        ready = self.work / "ready"
        while not ready.exists():
            if not self.running:
                raise VMError(f"the VM stopped during boot:\n{self.console_tail()}")
            if time.monotonic() - t0 > self.boot_timeout:
                raise VMTimeout(f"the VM did not boot within {self.boot_timeout:.0f} s "
                                f"(accel {self._accel()}):\n{self.console_tail()}")
            time.sleep(0.05)
        with contextlib.suppress(ValueError, OSError):
            self.guest_uptime_at_ready = float(json.loads(ready.read_text())["uptime"])

    def console_tail(self, lines: int = 30) -> str:
        """The last lines of the serial console and of the agent's log, for error messages."""
        if self.work is None:
            return ""
        out = []
        for name in ("console.log", "boot.log"):
            f = self.work / name
            if f.exists():
                text = f.read_bytes().decode("utf-8", "replace").splitlines()[-lines:]
                out.append(f"--- {name}:\n" + "\n".join(text))
        return "\n".join(out)

    def close(self, timeout: float = 20.0) -> None:
        """Ask the agent to exit (the guest then powers off), and kill qemu if it lingers."""
        proc = self._proc
        if proc is not None and proc.poll() is None and self.work is not None:
            with contextlib.suppress(OSError, VMError):
                if (self.work / "ready").exists():
                    self._submit({"op": "exit"})
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=timeout)
        if self._finalizer is not None:
            self._finalizer()
        else:
            _kill(proc, self.work, self.keep_work)

    # -- commands ----------------------------------------------------------------------------
    def _submit(self, req: Mapping[str, object]) -> Path:
        assert self.work is not None
        self._seq += 1
        name = f"{self._seq:06d}.json"
        tmp = self.work / f".req-{name}"
        tmp.write_text(json.dumps(req))
        os.replace(tmp, self.work / "req" / name)
        return self.work / "res" / name

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
        res = self._submit({"argv": list(argv), "cwd": cwd, "env": dict(env or {}),
                            "timeout": timeout, "stdin": stdin})
        deadline = time.monotonic() + timeout + 30
        delay = 0.005
        while not res.exists():
            if not self.running:
                raise VMError(f"the VM died while running {list(argv)}:\n{self.console_tail()}")
            if time.monotonic() > deadline:
                tail = self.console_tail()
                self.close(timeout=0)
                raise VMTimeout(f"no answer from the guest for {list(argv)} within "
                                f"{timeout + 30:.0f} s; qemu killed:\n{tail}")
            time.sleep(delay)
            delay = min(delay * 2, 0.05)
        data = json.loads(res.read_text())
        res.unlink()
        return RunResult(tuple(argv), int(data["rc"]), data["stdout"], data["stderr"],
                         float(data["seconds"]))
