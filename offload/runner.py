"""Run parsed script commands and transcribe what each did.

A *backend* is any object with ``run(commands) -> list[Entry]``. :class:`EmulatorBackend`
runs them on a fresh :class:`offload.emulator.Emulator`; the host-kernel and VM backends
(:mod:`offload.backends.kernel`, :mod:`offload.backends.vm`) are found by
:func:`get_backend` with lazy imports, so a missing one is a clear error, not an import
failure at start-up.

:class:`Session` is one emulated machine taking commands one at a time (the shell and tdc
use it directly). Each command is a step in the emulator's event log; a bug in the front
end becomes an ``offload: internal error`` entry (status 70), never a traceback.
"""

from __future__ import annotations

import contextlib
import importlib
import struct
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol

import attrs

from core.errors import BackendFailure, TcError
from offload.backends._lifecycle import Interrupted
from offload.nic_cmd import nic_main
from offload.script import Command
from offload.tc.bpftool import bpftool_main
from offload.tc.context import Context
from offload.tc.coreutils import cat, echo, ls, mkdir, rm, rmdir
from offload.tc.ethtool import ethtool_main
from offload.tc.ip import ip_main
from offload.tc.netlink import rtnl_error
from offload.tc.result import Result
from offload.tc.tc import tc_main
from offload.transcript import Entry
from offload.vfs import Vfs

COMMANDS = ("tc", "ip", "ethtool", "bpftool", "echo", "cat", "ls", "rm", "mkdir", "rmdir",
            "send", "audit", "nic", "fault")
INTERNAL_ERROR_RC = 70


class Backend(Protocol):
    """What ``offload run`` needs of a backend."""

    def run(self, commands: Sequence[Command]) -> list[Entry]: ...


class BackendUnavailable(BackendFailure):
    """The requested backend's module is missing or cannot run here."""


def _not_allowed(prog: str) -> Result:
    allowed = ", ".join(c for c in COMMANDS if c not in ("echo", "cat", "ls", "rm", "mkdir",
                                                           "rmdir"))
    return Result(127, "", f"offload: {prog}: command not allowed (allowed: {allowed}, "
                  "echo > and cat/ls of netdevsim files, ls/rm/mkdir on bpffs)\n")


#: Where rigs find the tools by absolute path (tdc's ``/sbin/tc``, ``ip netns exec NS
#: /usr/sbin/tc``): such a path names the emulated command.
SYSTEM_DIRS = ("/sbin", "/usr/sbin", "/bin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin")


def _tool_name(prog: str) -> str:
    head, _, base = prog.rpartition("/")
    system = ("tc", "ip", "ethtool", "bpftool", "echo", "cat", "ls", "rm", "mkdir", "rmdir")
    return base if head in SYSTEM_DIRS and base in system else prog


def _netns_option(prog: str, args: list[str]) -> tuple[str, list[str]] | None:
    """``ip -n NS ...``/``ip -netns NS``/``tc -n NS`` (prefixes of ``-netns``, before the
    object): the namespace and the argv without the option; None when there is none."""
    i = 0
    while i < len(args) and args[i].startswith("-"):
        w = args[i]
        if len(w) >= 2 and "-netns".startswith(w) and not (prog == "tc" and w == "-"):
            if i + 1 >= len(args):
                return None
            return args[i + 1], args[:i] + args[i + 2:]
        if prog == "tc" and w in ("-cf", "-conf", "-b", "-batch"):
            i += 1
        i += 1
    return None


def _netns_exec(args: list[str]) -> tuple[str, list[str]] | None:
    """``ip [OPTS] netns exec NS CMD...``: the namespace and CMD."""
    i = 0
    while i < len(args) and args[i].startswith("-"):
        i += 1
    rest = args[i:]
    if len(rest) >= 2 and rest[0] == "netns" and rest[1] == "exec":
        if len(rest) < 3:
            return "", []
        return rest[2], rest[3:]
    return None


class Session:
    """One emulated system and the command language on top of it.

    Interfaces for a front end that serves real processes (``offload exec``'s shims and
    file-system views):

    - :meth:`execute_in` ``(argv, netns=None, cwd=None) -> Entry``: one command line given
      as an argv (``["tc", "-s", "filter", "show", ...]``), run as if typed in namespace
      ``netns`` (``None``: the initial one) with relative paths (``obj x.o``, ``bpftool prog
      load x.o ...``) resolved against ``cwd``;
    - :meth:`has_netns` ``(name) -> bool``: whether ``ip netns add NAME`` made it (and no
      ``ip netns del`` removed it since);
    - :meth:`in_netns` ``(name)``: a context manager making the body act in that namespace,
      e.g. ``with s.in_netns("ns1"): s.ctx.vfs.write(".../new_device", "1 1")`` puts the
      new ports there (``new_device_store`` uses the writer's namespace), as a write from a
      process inside it would;
    - ``ctx.vfs`` (:class:`offload.vfs.Vfs`): the three trees (netdevsim's sysfs and
      debugfs, bpffs) with ``lookup``/``read``/``write``/``listdir``/``readlink``/
      ``unlink``/``mkdir``/``rmdir``.

    ``event_cap`` bounds the emulator's event log (``EventLog.cap``): long-lived sessions
    (the shell, ``offload exec``) pass :attr:`LONG_LIVED_EVENT_CAP` so that memory stays
    flat however many commands they take; ``None`` keeps the log as it is (everything, for
    ``offload run``, the explorer and reports)."""

    #: the last 4096 to 8192 bus events and steps are kept (docs/commands.md)
    LONG_LIVED_EVENT_CAP = 4096

    def __init__(self, emu: Any, event_cap: int | None = None) -> None:
        self.emu = emu
        log = getattr(emu, "log", None)
        if event_cap is not None and log is not None and hasattr(log, "cap"):
            log.cap = event_cap
        #: Findings about the semantics (``core.events.Finding``) the commands ran into.
        self.findings: list[Any] = []
        self.ctx = Context(emu=emu, vfs=Vfs(emu))
        for name, dev in emu.net.devices.items():
            if dev.up:
                self.ctx.mark_up(name)

    def has_netns(self, name: str) -> bool:
        """Whether the named network namespace exists (``ip netns add``)."""
        return name in getattr(self.emu, "namespaces", {})

    def in_netns(self, name: str | None) -> Any:
        """A context manager: commands and VFS writes in the body act in namespace
        ``name`` (``None``: the initial one); KeyError for an unknown name."""
        return self.emu.in_netns(name)

    def execute_in(self, argv: list[str], netns: str | None = None,
                   cwd: str | None = None) -> Entry:
        """Run one argv as if typed in namespace ``netns`` with working folder ``cwd``
        (relative object and pin paths are resolved against it); always an Entry. An
        unknown namespace is what ``ip netns exec`` says for it (status 255)."""
        import os
        import shlex

        text = shlex.join(argv)
        if not argv:
            return Entry(text, 0)
        if netns is not None and not self.has_netns(netns):
            return Entry(text, 255, "", f'Cannot open network namespace "{netns}": No such '
                         "file or directory\n")
        old = None
        if cwd is not None:
            try:
                old = os.getcwd()
            except OSError:
                old = "/"
            try:
                os.chdir(cwd)
            except OSError as exc:
                return Entry(text, 1, "", f"offload: {cwd}: {exc.strerror}\n")
        try:
            if netns is None:
                return self.execute(Command(text, tuple(argv)))
            with self.in_netns(netns):
                return self.execute(Command(text, tuple(argv)))
        finally:
            if old is not None:
                os.chdir(old)

    def execute(self, cmd: Command) -> Entry:
        """Run one command; always returns an :class:`Entry`."""
        log = getattr(self.emu, "log", None)
        begin = getattr(log, "begin_step", None)
        if callable(begin):
            begin(cmd.text)
        seen = len(getattr(log, "findings", ()))
        boundary = getattr(getattr(self.emu, "net", None), "boundary", None)
        deferred = boundary.defer_sigint() if boundary is not None else \
            contextlib.nullcontext()
        with deferred:
            try:
                res = self._dispatch(cmd)
            except TcError as err:  # a kernel error that escaped a command's own handling
                res = Result(2, "", rtnl_error(err))
            except Exception as exc:
                res = Result(INTERNAL_ERROR_RC, "",
                             f"offload: internal error: {type(exc).__name__}: {exc}\n")
            gc = getattr(self.emu, "gc", None)
            if callable(gc):
                gc()
        new = list(getattr(log, "findings", ()))[seen:]
        self.findings += new
        stderr = res.stderr + "".join(finding_line(f) for f in new)
        if boundary is not None and boundary.take_interrupt():
            # Ctrl-C during the command: the core finished it consistently; now the SIGINT
            # handler in place runs (KeyboardInterrupt, or the caller's own).
            import signal

            signal.raise_signal(signal.SIGINT)
        return Entry(cmd.text, res.rc, res.stdout, stderr)

    def run_text(self, line: str, env: Mapping[str, str] | None = None) -> Entry | None:
        """Parse and run one line (``None`` for blank lines and comments)."""
        from offload.script import ScriptError, parse_line

        try:
            cmd = parse_line(line, env or {})
        except ScriptError as exc:
            return Entry(line.strip(), 2, "", f"offload: {exc}\n")
        return None if cmd is None else self.execute(cmd)

    def _dispatch(self, cmd: Command) -> Result:
        prog, args = _tool_name(cmd.argv[0]), list(cmd.argv[1:])
        if prog in ("ip", "tc"):
            routed = self._route_netns(prog, args, cmd)
            if routed is not None:
                return routed
        if prog == "echo":
            return echo(args, cmd.redirect, self.ctx.vfs)
        if cmd.redirect is not None:
            return Result(1, "", f"offload: only `echo ... > PATH` may redirect "
                          f"(line {cmd.lineno})\n")
        handlers: dict[str, Callable[[], Result]] = {
            "tc": lambda: tc_main(args, self.ctx),
            "ip": lambda: ip_main(args, self.ctx),
            "ethtool": lambda: ethtool_main(args, self.ctx),
            "bpftool": lambda: bpftool_main(args, self.ctx),
            "cat": lambda: cat(args, self.ctx.vfs),
            "ls": lambda: ls(args, self.ctx.vfs),
            "rm": lambda: rm(args, self.ctx.vfs),
            "mkdir": lambda: mkdir(args, self.ctx.vfs),
            "rmdir": lambda: rmdir(args, self.ctx.vfs),
            "send": lambda: self._send(args),
            "audit": lambda: self._audit(),
            "nic": lambda: nic_main(args, self.emu),
            "fault": lambda: self._fault(args),
        }
        handler = handlers.get(prog)
        return handler() if handler is not None else _not_allowed(prog)

    def _route_netns(self, prog: str, args: list[str], cmd: Command) -> Result | None:
        """``ip -n NS``/``tc -n NS`` and ``ip netns exec NS CMD``: the rest runs in NS
        (``netns_switch`` in iproute2's lib/namespace.c; an unknown name is its error)."""
        if not hasattr(self.emu, "namespaces"):
            return None
        found = _netns_option(prog, args)
        inner: list[str] | None = None
        if found is not None:
            ns, rest = found
            inner = [prog, *rest]
        elif prog == "ip":
            ex = _netns_exec(args)
            if ex is None:
                return None
            ns, inner = ex
            if not ns:
                return Result(255, "", "No netns name specified\n")
            if not inner:
                return Result(255, "", "No command specified\n")
        else:
            return None
        if not self.has_netns(ns):
            return Result(255, "", f'Cannot open network namespace "{ns}": No such file or '
                          "directory\n")
        with self.emu.in_netns(ns):
            return self._dispatch(Command(cmd.text, tuple(inner), cmd.redirect, cmd.lineno))

    def _send(self, args: list[str]) -> Result:
        """``send DEV hex HEX...`` / ``send DEV pcap FILE``: frames into the datapath."""
        send = getattr(self.emu, "send", None)
        if not callable(send):
            return Result(1, "", "offload: send: the datapath is not available in this "
                          "emulator\n")
        usage = "usage: send DEV hex HEXBYTES... | send DEV pcap FILE\n"
        if len(args) < 3 or args[1] not in ("hex", "pcap"):
            return Result(2, "", usage)
        dev, mode = args[0], args[1]
        if dev not in self.emu.net.devices:
            return Result(1, "", f'Cannot find device "{dev}"\n')
        if mode == "hex":
            text = "".join(args[2:]).replace(":", "")
            try:
                frames = [bytes.fromhex(text)]
            except ValueError:
                return Result(2, "", f"offload: send: not hex bytes: {' '.join(args[2:])}\n")
        else:
            try:
                frames = _read_pcap(args[2])
            except OSError as exc:
                return Result(1, "", f"offload: send: {args[2]}: {exc.strerror or exc}\n")
            except ValueError as exc:
                return Result(1, "", f"offload: send: {args[2]}: {exc}\n")
        out = [f"{send(dev, f)}\n" for f in frames]
        return Result(0, "".join(out))

    def _fault(self, args: list[str]) -> Result:
        """``fault ...``: fault injection at the bus (syntax in :mod:`offload.fault_cmd`)."""
        from offload.fault_cmd import fault_main

        return Result(*fault_main(args, self.emu))

    def _audit(self) -> Result:
        audit = getattr(self.emu, "audit", None)
        if not callable(audit):
            return Result(1, "", "offload: audit: not available in this emulator\n")
        report = audit()
        text = str(report)
        ok = getattr(report, "ok", True)
        return Result(0 if ok else 1, text if text.endswith("\n") or not text else text + "\n")


def finding_line(f: Any) -> str:
    """The transcript line of a finding, on the stderr of the command that ran into it:
    e.g. v5.2's unbounded ``cls_bpf_offload_cmd()`` rollback recursion, which on a real
    v5.2 kernel does not return at all (the emulator stops it; the user must see that)."""
    return f"offload: {f.profile} kernel defect ({f.kind}): {f.message}\n"


#: The largest pcap ``send`` reads.
PCAP_MAX = 64 << 20


def _read_pcap(path: str) -> list[bytes]:
    """The frames of a pcap file: a regular file only (no FIFO to block on), at most
    :data:`PCAP_MAX` bytes; anything dpkt cannot parse (a short or foreign file) is a
    ``ValueError`` naming why."""
    import io

    import dpkt

    from core.files import read_regular

    data = read_regular(path, PCAP_MAX + 1)
    if len(data) > PCAP_MAX:
        raise ValueError(f"larger than {PCAP_MAX} bytes")
    try:
        return [bytes(buf) for _, buf in dpkt.pcap.Reader(io.BytesIO(data))]
    except (dpkt.dpkt.Error, ValueError, struct.error) as exc:
        raise ValueError(f"not a pcap file ({len(data)} bytes: {exc})") from None


@attrs.define
class EmulatorBackend:
    """Each :meth:`run` gets a fresh emulator with the given semantics profile."""

    profile: str = "v6.1"
    nic: str = "netdevsim"
    #: a driver plugin for the cards scripts create (offload.plugins.DriverSpec or None)
    driver: Any = None
    #: the driver watchdog (see core.boundary): seconds, None for no limit, or "default"
    driver_timeout: float | str | None = "default"
    #: The findings of the last :meth:`run` (``offload run --strict`` fails on any).
    findings: list[Any] = attrs.field(factory=list, init=False, eq=False)

    def new_session(self, event_cap: int | None = None) -> Session:
        from offload.emulator import Emulator

        return Session(Emulator(self.profile, nic_profile=self.nic, driver=self.driver,
                                driver_timeout=self.driver_timeout), event_cap=event_cap)

    @classmethod
    def from_args(cls, args: Any) -> EmulatorBackend:
        """The backend ``args`` ask for (``--profile``, ``--nic``, ``--driver``...: see
        :mod:`offload.drivers_cli`)."""
        from offload.drivers_cli import driver_spec, driver_timeout

        return cls(getattr(args, "profile", "v6.1") or "v6.1",
                   getattr(args, "nic", None) or "netdevsim", driver_spec(args),
                   driver_timeout(args))

    def run(self, commands: Sequence[Command]) -> list[Entry]:
        session = self.new_session()
        out: list[Entry] = []
        try:
            for c in commands:
                out.append(session.execute(c))
        except Interrupted as exc:
            exc.partial = out
            raise
        self.findings = session.findings
        return out


BACKENDS = ("emulator", "kernel", "vm")


def get_backend(name: str, *, profile: str = "v6.1", env: Mapping[str, str] | None = None,
                **options: Any) -> Backend:
    """The backend called ``name``. ``kernel`` and ``vm`` are imported only when asked for."""
    if name == "emulator":
        return EmulatorBackend(profile)
    if name not in BACKENDS:
        raise BackendUnavailable(f"unknown backend {name!r} (choose from {', '.join(BACKENDS)})")
    try:
        mod = importlib.import_module(f"offload.backends.{name}")
    except ImportError as exc:
        raise BackendUnavailable(f"the {name} backend is not available: {exc}") from None
    return _FunctionBackend(mod, dict(env or {}), options)


@attrs.define
class _FunctionBackend:
    """Adapts a backend module: its ``run_script(commands, ...)`` if it has one, else its
    ``KernelBackend``/``VmBackend`` class."""

    module: Any
    env: dict[str, str]
    options: dict[str, Any]

    def run(self, commands: Sequence[Command]) -> list[Entry]:
        fn = getattr(self.module, "run_script", None)
        if callable(fn):
            return list(fn(list(commands), env=self.env, **self.options))
        from offload.backends.policy import read_roots

        # folders named by --set values ($PROGS): the tools may read them, the VM gets them
        roots = read_roots(self.env.values())
        vm_cls = getattr(self.module, "VMBackend", None)
        if vm_cls is not None and hasattr(self.module, "VM"):
            # the VM backend runs on a booted machine: boot one for this script
            opts = dict(self.options)
            with self.module.VM(version=opts.pop("kernel", None), shares=roots) as vm:
                return list(vm_cls(vm, **opts).run_many({"script": list(commands)},
                                                        roots)["script"])
        for cls_name in ("KernelBackend", "Backend"):
            cls = getattr(self.module, cls_name, None)
            if cls is not None:
                try:
                    backend = cls(env=self.env, read_roots=roots, **self.options)
                except TypeError:
                    backend = cls(**self.options)
                return list(backend.run(list(commands)))
        raise BackendUnavailable(f"{self.module.__name__} has neither run_script() nor a "
                                 "backend class")


def run_commands(commands: Sequence[Command], backend: Backend | None = None) -> list[Entry]:
    """Run ``commands`` on ``backend`` (a fresh emulator by default)."""
    return (backend or EmulatorBackend()).run(commands)
