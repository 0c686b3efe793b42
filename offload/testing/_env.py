"""A backend-neutral test environment: the same test drives the emulator or a real kernel.

``OffloadEnv`` speaks what a person types (``tc``, ``ip``, ``ethtool``, ``bpftool``, netdevsim's
sysfs/debugfs files) and answers with a :class:`CmdResult` (rc, stdout, stderr). Two kinds:

- :class:`EmulatorEnv` runs the words through the emulator's command front end
  (:class:`offload.runner.Session`), one emulator step per command, so failures can show the
  bus timeline of exactly those commands;
- :class:`MachineEnv` runs them on a real kernel with netdevsim: in the netdevsim VM
  (``hwsim.vm.VM.run``) or on the host (``subprocess``) when the host has netdevsim.

Commands are argument lists (a string is split like a script line, never given to a
shell). The netdevsim helpers (:class:`NsimDev`, :class:`Nsim`) follow the kernel
selftests' ``NetdevSimDev``/``NetdevSim`` (``nsim.nsims[0].ifname``, ``dfs_write``), and
every device a test creates is removed by the test's :class:`DeferQueue`, newest first.
"""

from __future__ import annotations

import errno as errno_mod
import json as json_mod
import os
import shlex
import subprocess
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs

from offload.testing._ksft import DeferQueue

BUS = "/sys/bus/netdevsim"
DEBUGFS = "/sys/kernel/debug/netdevsim"
PROGS_DIR = Path(__file__).resolve().parents[1] / "progs"
_STRERROR = {os.strerror(n): n for n in sorted(errno_mod.errorcode, reverse=True)}


class CmdFailed(AssertionError):
    """A command run with ``fail=True`` (the default) exited non-zero."""

    def __init__(self, result: CmdResult) -> None:
        super().__init__(f"`{shlex.join(result.argv)}` failed with rc {result.rc}:\n"
                         f"{result.stderr}{result.stdout}")
        self.result = result


@attrs.frozen
class CmdResult:
    """What one command did: exit status and its two output streams."""

    argv: tuple[str, ...]
    rc: int
    stdout: str = ""
    stderr: str = ""

    @property
    def ok(self) -> bool:
        return self.rc == 0

    def json(self) -> Any:
        """stdout parsed as JSON (for ``-j`` commands)."""
        return json_mod.loads(self.stdout)


def _words(args: str | Sequence[str]) -> list[str]:
    return shlex.split(args) if isinstance(args, str) else [str(a) for a in args]


def prog_path(name: str) -> str:
    """Absolute path of a bundled BPF object (``tc_pass`` -> ``.../offload/progs/tc_pass.o``);
    the VM sees the host's root at the same paths, so it works on every backend."""
    path = PROGS_DIR / (name if name.endswith(".o") else f"{name}.o")
    if not path.exists():
        known = ", ".join(sorted(p.stem for p in PROGS_DIR.glob("*.o")))
        raise FileNotFoundError(f"no bundled program {name!r} (bundled: {known})")
    return str(path)


@attrs.define(eq=False)
class Nsim:
    """One netdevsim port (the selftests' ``NetdevSim``)."""

    dev: NsimDev
    port_index: int
    ifname: str

    @property
    def dfs_dir(self) -> str:
        return f"{self.dev.dfs_dir}ports/{self.port_index}/"

    def dfs_read(self, path: str) -> str:
        return self.dev.env.read(self.dfs_dir + path).strip()

    def dfs_write(self, path: str, value: str | int | bool) -> None:
        self.dev.env.write(self.dfs_dir + path, _knob_text(value))


@attrs.define(eq=False)
class NsimDev:
    """One netdevsim bus device with its ports (the selftests' ``NetdevSimDev``)."""

    env: OffloadEnv
    addr: int
    nsims: list[Nsim] = attrs.field(factory=list)
    removed: bool = False

    @property
    def dfs_dir(self) -> str:
        return f"{DEBUGFS}/netdevsim{self.addr}/"

    @property
    def ifnames(self) -> list[str]:
        return [n.ifname for n in self.nsims]

    def dfs_read(self, path: str) -> str:
        return self.env.read(self.dfs_dir + path).strip()

    def dfs_write(self, path: str, value: str | int | bool) -> None:
        self.env.write(self.dfs_dir + path, _knob_text(value))

    def remove(self) -> None:
        """``echo ADDR > del_device`` (once)."""
        if not self.removed:
            self.removed = True
            self.env.write(f"{BUS}/del_device", f"{self.addr}")


def _knob_text(value: str | int | bool) -> str:
    if isinstance(value, bool):
        return "Y" if value else "N"
    return str(value)


@attrs.define(eq=False)
class OffloadEnv:
    """The commands a test runs, independent of where they run. Subclasses provide
    :meth:`_exec` (one argv, optional stdin) and the file primitives."""

    backend: str = "?"
    defer: DeferQueue = attrs.field(factory=DeferQueue)
    history: list[CmdResult] = attrs.field(factory=list)

    # -- the primitives a backend provides ---------------------------------------------
    def _exec(self, argv: list[str]) -> CmdResult:
        raise NotImplementedError

    def write(self, path: str, value: str) -> None:
        """``echo VALUE > PATH`` for netdevsim's files; raises ``OSError`` as write(2) would."""
        raise NotImplementedError

    def read(self, path: str) -> str:
        """``cat PATH`` for netdevsim's files; raises ``OSError`` as read(2) would."""
        raise NotImplementedError

    def listdir(self, path: str) -> list[str]:
        raise NotImplementedError

    # -- commands ----------------------------------------------------------------------
    def run(self, args: str | Sequence[str], fail: bool = True) -> CmdResult:
        """Run one command. ``fail=True`` raises :class:`CmdFailed` on a non-zero exit
        (as the selftests' ``cmd()`` does); ``fail=False`` just returns the result."""
        argv = _words(args)
        if not argv:
            raise ValueError("empty command")
        res = self._exec(argv)
        self.history.append(res)
        if fail and res.rc != 0:
            raise CmdFailed(res)
        return res

    def tc(self, args: str | Sequence[str], fail: bool = True) -> CmdResult:
        return self.run(["tc", *_words(args)], fail)

    def ip(self, args: str | Sequence[str], fail: bool = True) -> CmdResult:
        return self.run(["ip", *_words(args)], fail)

    def ethtool(self, args: str | Sequence[str], fail: bool = True) -> CmdResult:
        return self.run(["ethtool", *_words(args)], fail)

    def bpftool(self, args: str | Sequence[str], fail: bool = True) -> CmdResult:
        return self.run(["bpftool", *_words(args)], fail)

    def prog(self, name: str) -> str:
        """Path of a bundled BPF object, for ``obj``: ``env.prog("tc_pass")``."""
        return prog_path(name)

    # -- netdevsim ---------------------------------------------------------------------
    def nsim_new(self, port_count: int = 1, addr: int | None = None,
                 hw_tc_offload: bool = False, timeout: float = 15.0) -> NsimDev:
        """A new netdevsim device with ``port_count`` ports, removed at teardown.
        ``hw_tc_offload=True`` turns hw-tc-offload on for every port (off by default in
        netdevsim, as on the real driver)."""
        if addr is None:
            used = {int(n.removeprefix("netdevsim")) for n in self._bus_devices()
                    if n.removeprefix("netdevsim").isdigit()}
            addr = next(i for i in range(1, 1 << 16) if i not in used)
        self.write(f"{BUS}/new_device", f"{addr} {port_count}")
        dev = NsimDev(self, addr)
        self.defer(dev.remove)
        names = self._wait_ports(addr, port_count, timeout)
        dev.nsims = [Nsim(dev, i, n) for i, n in enumerate(names)]
        if hw_tc_offload:
            for n in dev.nsims:
                self.ethtool(["-K", n.ifname, "hw-tc-offload", "on"])
        return dev

    def nsim_dev(self, port_count: int = 1, **kw: Any) -> NsimDev:
        """Alias of :meth:`nsim_new` with the selftests' argument name."""
        return self.nsim_new(port_count, **kw)

    def knob(self, dev: NsimDev | Nsim, name: str, value: str | int | bool | None = None
             ) -> str | None:
        """Read (``value=None``) or write a debugfs knob of a device or of a port."""
        if value is None:
            return dev.dfs_read(name)
        dev.dfs_write(name, value)
        return None

    def _bus_devices(self) -> list[str]:
        try:
            return self.listdir(f"{BUS}/devices")
        except OSError:
            return []

    def _wait_ports(self, addr: int, count: int, timeout: float) -> list[str]:
        deadline = time.monotonic() + timeout
        while True:
            try:
                names = self.listdir(f"{BUS}/devices/netdevsim{addr}/net")
            except OSError:
                names = []
            if len(names) >= count:
                return self._port_order(addr, names)
            if time.monotonic() > deadline:
                raise TimeoutError(f"netdevsim{addr}: {len(names)} of {count} ports appeared "
                                   f"within {timeout:.0f} s")
            time.sleep(0.05)

    def _port_order(self, addr: int, names: list[str]) -> list[str]:
        """Ports by index: netdevsim names them ``p<index+1>`` in ``phys_port_name``."""
        def key(name: str) -> tuple[int, str]:
            try:
                ppn = self.read(f"{BUS}/devices/netdevsim{addr}/net/{name}/phys_port_name")
            except OSError:
                return (1 << 30, name)
            digits = ppn.strip().removeprefix("p")
            return (int(digits) if digits.isdigit() else 1 << 30, name)
        return sorted(names, key=key)

    def close(self) -> list[BaseException]:
        """Run the pending cleanups (newest first); returns the errors they raised."""
        return self.defer.run_all()


def _oserror_from(stderr: str, path: str) -> OSError:
    """The errno a failed ``tee``/``cat``/``ls`` reported (its strerror text)."""
    for text, num in _STRERROR.items():
        if text and text in stderr:
            return OSError(num, text, path)
    return OSError(errno_mod.EIO, stderr.strip() or "I/O error", path)


@attrs.define(eq=False)
class EmulatorEnv(OffloadEnv):
    """Commands on an :class:`offload.emulator.Emulator` through the runner's session."""

    emu: Any = None
    session: Any = None

    def __attrs_post_init__(self) -> None:
        from offload.runner import Session

        self.backend = "emulator"
        self.session = Session(self.emu)

    def _command(self, argv: list[str], redirect: str | None = None) -> Any:
        from offload.script import Command

        text = shlex.join(argv) + (f" > {redirect}" if redirect else "")
        return Command(text=text, argv=tuple(argv), redirect=redirect)

    def _exec(self, argv: list[str]) -> CmdResult:
        e = self.session.execute(self._command(argv))
        return CmdResult(tuple(argv), e.rc, e.stdout, e.stderr)

    def write(self, path: str, value: str) -> None:
        begin = getattr(self.emu.log, "begin_step", None)
        if callable(begin):
            begin(f"echo {value} > {path}")
        self.session.ctx.vfs.write(path, value if value.endswith("\n") else value + "\n")
        self._share_fault_plan()

    def read(self, path: str) -> str:
        return str(self.session.ctx.vfs.read(path))

    def listdir(self, path: str) -> list[str]:
        return list(self.session.ctx.vfs.listdir(path))

    def _port_order(self, addr: int, names: list[str]) -> list[str]:
        return names  # the emulator's bus lists ports in port order already

    def _share_fault_plan(self) -> None:
        """Cards made through ``new_device`` get the emulator's fault plan, as ``add_nic``
        cards do, so ``offload_faults`` reaches every simulated card."""
        for drv in self.emu.nsim.devices.values():
            drv.faults = self.emu.faults


@attrs.define(eq=False)
class MachineEnv(OffloadEnv):
    """Commands on a real kernel: ``runner(argv, stdin) -> (rc, stdout, stderr)``."""

    runner: Callable[[list[str], str | None], tuple[int, str, str]] | None = None

    def _exec(self, argv: list[str]) -> CmdResult:
        assert self.runner is not None
        rc, out, err = self.runner(argv, None)
        return CmdResult(tuple(argv), rc, out, err)

    def write(self, path: str, value: str) -> None:
        assert self.runner is not None
        text = value if value.endswith("\n") else value + "\n"
        rc, _, err = self.runner(["tee", path], text)
        if rc:
            raise _oserror_from(err, path)

    def read(self, path: str) -> str:
        assert self.runner is not None
        rc, out, err = self.runner(["cat", path], None)
        if rc:
            raise _oserror_from(err, path)
        return out

    def listdir(self, path: str) -> list[str]:
        assert self.runner is not None
        rc, out, err = self.runner(["ls", "-1", path], None)
        if rc:
            raise _oserror_from(err, path)
        return [ln for ln in out.splitlines() if ln]


def vm_runner(vm: Any, timeout: float = 120.0
              ) -> Callable[[list[str], str | None], tuple[int, str, str]]:
    """A runner for :class:`MachineEnv` over a started ``hwsim.vm.VM``."""
    def run(argv: list[str], stdin: str | None) -> tuple[int, str, str]:
        r = vm.run(argv, stdin=stdin, timeout=timeout)
        return r.rc, r.stdout, r.stderr
    return run


def host_runner(timeout: float = 60.0) -> Callable[[list[str], str | None], tuple[int, str, str]]:
    """A runner for :class:`MachineEnv` on this machine's kernel (needs root)."""
    def run(argv: list[str], stdin: str | None) -> tuple[int, str, str]:
        try:
            p = subprocess.run(argv, input=stdin, capture_output=True, text=True,
                               timeout=timeout, check=False, errors="replace")
        except FileNotFoundError:
            return 127, "", f"{argv[0]}: command not found\n"
        return p.returncode, p.stdout, p.stderr
    return run
