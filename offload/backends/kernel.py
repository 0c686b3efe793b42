"""Run a script on the real kernel of this machine, and transcribe what each line did.

Each script gets a fresh network namespace (``ip netns add``), deleted afterwards even on
failure. Lines run as argument lists, never through a shell:

- ``tc``, ``ip``, ``ethtool``, ``bpftool``: the real binaries from the fixed system folders
  (found once, never through ``$PATH``), each line first checked against the allowlist of
  :mod:`offload.backends.policy` (a refused line is rc 127, nothing runs), then started in
  the namespace (setns(2) between fork and exec, like ``ip netns exec`` but without its
  extra process and private /sys remount, which halve the cost of a command under TCG), in a
  mount namespace of its own whose ``/sys/fs/bpf`` is the run's private bpffs, with a fixed
  environment, and killed with the backend (``PR_SET_PDEATHSIG``, its process group);
- ``echo V > PATH`` and ``cat PATH``: done in Python, and **only** for netdevsim's control
  files (``/sys/bus/netdevsim/...``, ``/sys/kernel/debug/netdevsim/...``), the path resolved
  (symlinks followed) before the check; writes only to ``new_device``, ``del_device`` (of a
  device of this run) and the files of the devices this run created. A write to
  ``new_device`` is made from a thread that entered the namespace, so the new ports appear
  there (``new_device_store()`` uses the writer's netns), and is followed by a wait until all
  its ports exist (the kernel creates them asynchronously);
- anything else is refused with an error entry (rc 127 for an unknown command, rc 1 for a
  forbidden path), as a shell would report a failure.

netdevsim devices a script created are deleted when it ends, so scenarios can run one after
another in the same kernel (a VM boot runs many). The same cleanup runs when SIGTERM, SIGHUP
or SIGINT stops the run (:func:`~offload.backends._lifecycle.signals_raise`).
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import json
import os
import re
import secrets
import signal
import subprocess
import sys
import time
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import attrs

from core.errors import BackendFailure
from drivers.netdevsim import sysfs
from offload.backends._lifecycle import (
    Interrupted,
    PrivateBpffs,
    block_signals,
    die_with_parent,
    private_bpffs,
    signals_raise,
)
from offload.backends.policy import REFUSED_RC, TOOL_ENV, TOOLS, Policy, Refused, find_tools
from offload.script import Command, parse_script, split_lines
from offload.transcript import Entry, render_json, render_text

ALLOWED_BINARIES = TOOLS
ALLOWED_PREFIXES = ("/sys/bus/netdevsim/", "/sys/kernel/debug/netdevsim/")
_BUS = "/sys/bus/netdevsim"
_DEBUGFS = "/sys/kernel/debug/netdevsim"
_DEVICES = "/sys/devices"
#: Tools found once, at start-up, in the fixed system folders.
_TOOLS: dict[str, str] | None = None


def tools() -> dict[str, str]:
    """{tool: path}, looked up once per process (never through ``$PATH``)."""
    global _TOOLS
    if _TOOLS is None:
        _TOOLS = find_tools()
    return _TOOLS


class BackendError(BackendFailure):
    """The backend itself could not run (no root, no ``ip``, netns creation failed)."""


def _allowed_path(path: str) -> str | None:
    """The resolved path (symlinks followed) if it is one of netdevsim's files (the bus,
    a netdevsim device in sysfs, netdevsim's debugfs folder), else None."""
    if not path.startswith("/"):
        return None
    real = os.path.realpath(path)
    if real in (_BUS, _DEBUGFS) or real.startswith((_BUS + "/", _DEBUGFS + "/")):
        return real
    if re.match(r"^/sys/devices/netdevsim[0-9]+(/|$)", real):
        return real
    return None


def _let_xdp_offload_go(dev_id: int) -> list[Path]:
    """Before deleting a device (the script's ``del_device`` and the cleanup's):
    ``bpf_xdpoffload_accept`` back to Y on each port.
    ``nsim_xdp_set_prog()`` refuses every XDP_SETUP_PROG_HW while it is N, the removal of
    an attached program too, so ``dev_xdp_uninstall()`` at unregister cannot detach it and
    the program outlives the device (6.1: ``bpftool prog`` then fails with "can't get prog
    info: No such device" for every later user of the machine). Returns the knobs it
    changed (set back to N if the ``del_device`` then fails)."""
    changed = []
    for knob in (sysfs.DEBUGFS / f"netdevsim{dev_id}" / "ports").glob("*/bpf_xdpoffload_accept"):
        with contextlib.suppress(OSError):
            if knob.read_text().strip() == "N":
                sysfs.write_file(knob, "Y\n")
                changed.append(knob)
    return changed


_DEL_ID = re.compile(r"\s*([+-]?[0-9]+)")


def _del_device_id(value: str) -> int | None:
    """The id ``del_device_store()`` reads with ``sscanf(buf, "%u")`` (the leading number,
    whatever follows it; a negative one wraps as an unsigned int), or None: EINVAL."""
    m = _DEL_ID.match(value)
    return None if m is None else int(m.group(1)) % (1 << 32)


_DEV_OF = re.compile(r"^(?:/sys/kernel/debug/netdevsim/|/sys/devices/)netdevsim([0-9]+)(?:/|$)")


@attrs.define
class KernelBackend:
    """Runs scripts on the running kernel.

    ``netns=True`` (the default) isolates each script in a namespace of its own; ``False``
    runs in the caller's namespace (only sensible in a disposable VM guest).
    ``env`` only ever expanded ``$VARS`` (done by the parser): the tools get a fixed
    environment (:data:`~offload.backends.policy.TOOL_ENV`). ``read_roots`` are the folders
    whose files the tools may read besides world-readable ones (``$PROGS``).
    ``progress``: a file that gets each entry as a JSON line as soon as it is made."""

    netns: bool = True
    timeout: float = 60.0
    port_timeout: float = 15.0
    env: Mapping[str, str] = attrs.field(factory=dict)
    read_roots: tuple[str, ...] = ()
    progress: Path | None = None
    _ns: str | None = attrs.field(default=None, init=False)
    _devices: list[int] = attrs.field(factory=list, init=False)
    _bpffs: PrivateBpffs | None = attrs.field(default=None, init=False)
    _child: subprocess.Popen[str] | None = attrs.field(default=None, init=False)
    _policy: Policy = attrs.field(factory=Policy, init=False)

    # -- one script --------------------------------------------------------------------------
    def run(self, commands: Sequence[Command]) -> list[Entry]:
        """Run ``commands`` in order (every line runs, failures included) and return one
        ``Entry`` per line. The namespace, the created netdevsim devices, the private bpffs
        and any child are removed after, also when a signal or an error stops the run
        (:class:`Interrupted` / :class:`BackendError` then carry the entries made so far)."""
        if os.geteuid() != 0:
            raise BackendError("the kernel backend needs root (network namespaces, tc)")
        if "ip" not in tools():
            raise BackendError("ip (iproute2) not found in " + ", ".join(sysfs.SYSTEM_DIRS))
        entries: list[Entry] = []
        self._devices = []
        try:
            self._bpffs = private_bpffs()
            self._policy = Policy(roots=tuple(self.read_roots), pins=self._bpffs is not None)
            self._ns = self._make_netns() if self.netns else None
            for c in commands:
                entries.append(self._one(c))
                self._report(entries[-1])
            return entries
        except Interrupted as exc:
            exc.partial = list(entries)
            raise
        except BackendFailure as exc:
            exc.partial = list(entries)
            raise
        finally:
            self._cleanup()

    def _report(self, entry: Entry) -> None:
        if self.progress is not None:
            with open(self.progress, "a") as f:
                f.write(json.dumps(entry.to_json()) + "\n")

    def _make_netns(self) -> str:
        name = f"offload-{os.getpid()}-{secrets.token_hex(3)}"
        p = subprocess.run([tools()["ip"], "netns", "add", name], capture_output=True,
                           text=True, env=dict(TOOL_ENV), check=False)
        if p.returncode != 0:
            raise BackendError(f"ip netns add {name} failed: {p.stderr.strip()}")
        return name

    def _cleanup(self) -> None:
        """Everything the run made, in reverse: child, devices, namespace, bpffs. Stop
        signals are ignored meanwhile (a second ^C must not leave half of it)."""
        old = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)}
        block_signals()
        try:
            self._kill_child()
            for dev_id in self._devices:
                with contextlib.suppress(OSError):
                    if (sysfs.BUS / "devices" / f"netdevsim{dev_id}").exists():
                        _let_xdp_offload_go(dev_id)
                        sysfs.write_file(sysfs.BUS / "del_device", str(dev_id))
            self._devices = []
            if self._ns is not None:
                subprocess.run([tools()["ip"], "netns", "del", self._ns], capture_output=True,
                               env=dict(TOOL_ENV), check=False)
                self._ns = None
            if self._bpffs is not None:
                self._bpffs.close()
                self._bpffs = None
        finally:
            with contextlib.suppress(ValueError, TypeError):
                for s, h in old.items():
                    signal.signal(s, h)

    def _kill_child(self) -> None:
        child, self._child = self._child, None
        if child is not None and child.poll() is None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(child.pid, signal.SIGKILL)
            with contextlib.suppress(subprocess.TimeoutExpired):
                child.wait(timeout=5)

    # -- one line ----------------------------------------------------------------------------
    def _one(self, cmd: Command) -> Entry:
        prog = cmd.argv[0]
        if prog == "echo" and cmd.redirect is not None:
            return self._echo(cmd)
        if cmd.redirect is not None:
            return Entry(cmd.text, 1, "", f"offload: only `echo ... > PATH` may redirect "
                         f"(line {cmd.lineno})\n")
        if prog == "cat":
            return self._cat(cmd)
        if prog not in ALLOWED_BINARIES:
            return Entry(cmd.text, REFUSED_RC, "", f"offload: {prog}: command not allowed "
                         f"(allowed: {', '.join(ALLOWED_BINARIES)}, echo > and cat of "
                         "netdevsim files)\n")
        try:
            self._policy.check(cmd.argv)
        except Refused as exc:
            return Entry(cmd.text, REFUSED_RC, "", f"{exc}\n")
        return self._exec(cmd)

    def _preexec(self) -> None:
        die_with_parent()
        if self._ns is not None:
            sysfs.enter_netns(self._ns)
        if self._bpffs is not None:
            self._bpffs.enter()

    def _exec(self, cmd: Command) -> Entry:
        path = tools().get(cmd.argv[0])
        if path is None:
            return Entry(cmd.text, 127, "", f"offload: {cmd.argv[0]}: command not found\n")
        try:
            child = subprocess.Popen(
                [path, *cmd.argv[1:]], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                stdin=subprocess.DEVNULL, text=True, errors="replace", env=dict(TOOL_ENV),
                cwd="/", process_group=0, preexec_fn=self._preexec,
            )
        except OSError as exc:
            return Entry(cmd.text, 126, "", f"offload: {cmd.argv[0]}: {exc.strerror}\n")
        except subprocess.SubprocessError as exc:  # setns() failed between fork and exec
            return Entry(cmd.text, 126, "", f"offload: {cmd.argv[0]}: cannot enter the "
                         f"script's namespace: {exc}\n")
        self._child = child
        try:
            out, err = child.communicate(timeout=self.timeout)
        except subprocess.TimeoutExpired:
            self._kill_child()
            out, err = child.communicate()
            return Entry(cmd.text, 124, out or "",
                         f"offload: timed out after {self.timeout:.0f} s\n")
        self._child = None
        return Entry(cmd.text, child.returncode, out, err)

    def _echo(self, cmd: Command) -> Entry:
        """``echo [-n] WORDS > PATH``: one write(2) of the words joined by spaces (plus a
        newline unless -n), as the shell builtin does. Only to ``new_device``/``del_device``
        and to the files of netdevsim devices this run created (the path resolved first)."""
        assert cmd.redirect is not None
        path = _allowed_path(cmd.redirect)
        words = list(cmd.argv[1:])
        newline = "\n"
        if words[:1] == ["-n"]:
            words, newline = words[1:], ""
        value = " ".join(words) + newline
        gone = self._gone(path, value)
        if gone is not None:
            return Entry(cmd.text, 1, "", gone.replace("{path}", cmd.redirect))
        refusal = self._write_refusal(path, value)
        if refusal is not None:
            return Entry(cmd.text, 1, "", f"offload: {cmd.redirect}: writing is only allowed "
                         f"to netdevsim's new_device/del_device and the files of the "
                         f"devices this script created ({refusal})\n")
        assert path is not None
        is_new = path == f"{_BUS}/new_device"
        let_go: list[Path] = []
        if path == f"{_BUS}/del_device" and _del_device_id(value) in self._devices:
            let_go = _let_xdp_offload_go(_del_device_id(value))  # type: ignore[arg-type]
        try:
            sysfs.write_file(path, value, self._ns if is_new else None)
        except sysfs.WriteError as exc:
            for knob in let_go:  # the device stays: so does what the script set
                with contextlib.suppress(OSError):
                    sysfs.write_file(knob, "N\n")
            return Entry(cmd.text, 1, "", f"sh: echo: write error: {exc.strerror}\n")
        except OSError as exc:
            return Entry(cmd.text, 1, "", f"sh: {cmd.redirect}: {exc.strerror}\n")
        if is_new:
            try:
                dev_id, ports = sysfs.parse_new_device(value)
            except (ValueError, IndexError):
                return Entry(cmd.text, 0)
            self._devices.append(dev_id)
            try:
                sysfs.wait_ports(dev_id, ports, self._ns, self.port_timeout)
            except sysfs.NetdevsimError as exc:
                return Entry(cmd.text, 1, "", f"offload: {exc}\n")
        elif path == f"{_BUS}/del_device":
            with contextlib.suppress(ValueError):
                self._devices.remove(_del_device_id(value))  # type: ignore[arg-type]
        return Entry(cmd.text, 0)

    def _gone(self, path: str | None, value: str) -> str | None:
        """The shell's message for a write that reaches no device, answered without writing
        (so nothing of another user's can be touched), or None: ``del_device`` of an id no
        netdevsim device has is ``del_device_store()``'s ENOENT from write(2); a file of a
        device that is gone (its folder missing) fails to open with ENOENT. ``{path}``
        stands for the redirect as written."""
        if path is None:
            return None
        enoent = os.strerror(errno.ENOENT)
        if path == f"{_BUS}/del_device":
            dev_id = _del_device_id(value)
            if dev_id is None or dev_id in self._devices or \
                    (sysfs.BUS / "devices" / f"netdevsim{dev_id}").exists():
                return None
            return f"sh: echo: write error: {enoent}\n"
        if not os.path.isdir(os.path.dirname(path)):  # in netdevsim's trees (resolved)
            return f"sh: {{path}}: {enoent}\n"
        return None

    def _write_refusal(self, path: str | None, value: str) -> str | None:
        """Why a write to ``path`` (resolved) is refused, or None when it may go ahead."""
        if path is None:
            return "outside netdevsim"
        if path == f"{_BUS}/new_device":
            try:
                dev_id, _ = sysfs.parse_new_device(value)
            except (ValueError, IndexError):
                return None  # the kernel refuses it (EINVAL), nothing is created
            if dev_id not in self._devices and \
                    (sysfs.BUS / "devices" / f"netdevsim{dev_id}").exists():
                return f"netdevsim{dev_id} exists and is not this script's"
            return None  # new, or this script's: the kernel answers (EEXIST for a duplicate)
        if path == f"{_BUS}/del_device":
            dev_id = _del_device_id(value)
            if dev_id is None:
                return None  # sscanf() finds no number: EINVAL from the kernel
            return None if dev_id in self._devices else f"netdevsim{dev_id} is not this " \
                "script's"
        m = _DEV_OF.match(path)
        if m is None:
            return "not a device file"
        if int(m.group(1)) not in self._devices:
            return f"netdevsim{m.group(1)} is not this script's"
        return None

    def _settle(self) -> None:
        """Let deferred frees finish before netdevsim's state is read.

        A deleted filter's program is released after an RCU grace period and a work item
        (``tcf_queue_work()``, ``bpf_prog_put()`` deferred), so ``bpf_bound_progs/N`` outlives
        the ``tc filter del`` by a little. A person typing the next line never sees that; a
        fast script would. Wait until the set of bound programs is stable for 150 ms."""
        deadline = time.monotonic() + 2.0
        last, stable_since = None, time.monotonic()
        while time.monotonic() < deadline:
            now = sorted(str(p) for p in sysfs.DEBUGFS.glob("*/bpf_bound_progs/*"))
            if now != last:
                last, stable_since = now, time.monotonic()
            elif time.monotonic() - stable_since >= 0.15:
                return
            time.sleep(0.03)

    def _cat(self, cmd: Command) -> Entry:
        if any(a.startswith(str(sysfs.DEBUGFS)) for a in cmd.argv[1:]):
            self._settle()
        out, err, rc = [], [], 0
        for arg in cmd.argv[1:]:
            path = _allowed_path(arg)
            if path is None:
                err.append(f"offload: {arg}: reading is only allowed under "
                           f"{' and '.join(ALLOWED_PREFIXES)}\n")
                rc = 1
                continue
            try:
                fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW)
                with open(fd, errors="replace") as f:
                    out.append(f.read(1 << 20))
            except OSError as exc:
                err.append(f"cat: {arg}: {exc.strerror}\n")
                rc = 1
        return Entry(cmd.text, rc, "".join(out), "".join(err))


# -- command line (also what the VM backend runs inside the guest) ----------------------------
def run_files(paths: Iterable[Path], env: Mapping[str, str], netns: bool = True,
              timeout: float = 60.0, read_roots: Sequence[str] = ()) -> dict[str, list[Entry]]:
    """Run each script file; returns {file stem: transcript}. ``env`` expands ``$VARS``."""
    backend = KernelBackend(netns=netns, timeout=timeout, env=dict(env),
                            read_roots=tuple(read_roots))
    out: dict[str, list[Entry]] = {}
    for path in paths:
        t0 = time.monotonic()
        commands = parse_script(split_lines(path.read_text()), env)
        out[path.stem] = backend.run(commands)
        print(f"offload-kernel: {path.name}: {len(commands)} lines in "
              f"{time.monotonic() - t0:.2f} s", file=sys.stderr)
    return out


def command_to_json(c: Command) -> dict[str, object]:
    return {"text": c.text, "argv": list(c.argv), "redirect": c.redirect, "lineno": c.lineno}


def command_from_json(o: Mapping[str, object]) -> Command:
    return Command(text=str(o["text"]), argv=tuple(o["argv"]),  # type: ignore[arg-type]
                   redirect=o.get("redirect"), lineno=int(o.get("lineno", 0)))  # type: ignore


def run_batch(batch: Mapping[str, Sequence[Mapping[str, object]]], netns: bool = True,
              timeout: float = 60.0, read_roots: Sequence[str] = (),
              progress: Path | None = None) -> dict[str, list[Entry]]:
    """Run already-parsed scripts ({name: [command_to_json(...)]}), in the given order.
    With ``progress``, each entry is appended there as ``{"script": name, "entry": ...}``
    JSON lines as soon as it exists (what a host reads back when the guest dies)."""
    out: dict[str, list[Entry]] = {}
    for name, cmds in batch.items():
        backend = KernelBackend(netns=netns, timeout=timeout, read_roots=tuple(read_roots))
        if progress is not None:
            backend.progress = progress
            with open(progress, "a") as f:
                f.write(json.dumps({"script": name}) + "\n")
        t0 = time.monotonic()
        out[name] = backend.run([command_from_json(c) for c in cmds])
        print(f"offload-kernel: {name}: {len(cmds)} lines in {time.monotonic() - t0:.2f} s",
              file=sys.stderr)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m offload.backends.kernel",
        description="Run tc/ip/ethtool/bpftool scripts on this machine's kernel, each in a "
                    "fresh network namespace, and print their transcripts.")
    ap.add_argument("scripts", nargs="*", type=Path, help="script files (one command a line)")
    ap.add_argument("--batch", type=Path,
                    help="JSON file {name: [parsed commands]} (what the VM backend sends)")
    ap.add_argument("--progs", type=Path, help="value of $PROGS (folder of BPF objects)")
    ap.add_argument("--read-root", action="append", default=[], metavar="DIR",
                    help="a folder whose files the tools may read (repeatable; $PROGS is one)")
    ap.add_argument("--progress", type=Path, help="append each entry there as a JSON line")
    ap.add_argument("--json", action="store_true",
                    help="print {script name: [entries]} as JSON instead of text")
    ap.add_argument("--no-netns", action="store_true",
                    help="run in the current network namespace (disposable VM guests only)")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per command")
    args = ap.parse_args(argv)
    env = {"PROGS": str(args.progs)} if args.progs else {}
    roots = list(args.read_root) + ([str(args.progs)] if args.progs else [])
    from offload.backends.policy import read_roots

    roots_ok = read_roots(roots)
    if not args.scripts and args.batch is None:
        ap.error("give script files or --batch")
    try:
        with signals_raise():
            results = run_files(args.scripts, env, netns=not args.no_netns,
                                timeout=args.timeout, read_roots=roots_ok)
            if args.batch is not None:
                results.update(run_batch(json.loads(args.batch.read_text()),
                                         netns=not args.no_netns, timeout=args.timeout,
                                         read_roots=roots_ok, progress=args.progress))
    except Interrupted as exc:
        print(f"offload-kernel: {exc}", file=sys.stderr)
        return 128 + exc.signum
    except BackendFailure as exc:
        print(f"offload-kernel: {exc}", file=sys.stderr)
        return 2
    if args.json:
        json.dump({k: [e.to_json() for e in v] for k, v in results.items()}, sys.stdout)
        sys.stdout.write("\n")
    else:
        for name, entries in results.items():
            if len(results) > 1:
                print(f"# {name}")
            sys.stdout.write(render_text(entries))
    return 0


__all__ = [
    "BackendError", "KernelBackend", "command_from_json", "command_to_json", "main",
    "render_json", "run_batch", "run_files",
]

if __name__ == "__main__":
    sys.exit(main())
