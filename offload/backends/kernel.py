"""Run a script on the real kernel of this machine, and transcribe what each line did.

Each script gets a fresh network namespace (``ip netns add``), deleted afterwards even on
failure. Lines run as argument lists, never through a shell:

- ``tc``, ``ip``, ``ethtool``, ``bpftool``: the real binaries, started in the namespace
  (setns(2) between fork and exec, like ``ip netns exec`` but without its extra process and
  private /sys remount, which halve the cost of a command under TCG);
- ``echo V > PATH`` and ``cat PATH``: done in Python, and **only** for netdevsim's control
  files (``/sys/bus/netdevsim/...``, ``/sys/kernel/debug/netdevsim/...``). A write to
  ``new_device`` is made from a thread that entered the namespace, so the new ports appear
  there (``new_device_store()`` uses the writer's netns), and is followed by a wait until all
  its ports exist (the kernel creates them asynchronously);
- anything else is refused with an error entry (rc 127 for an unknown command, rc 1 for a
  forbidden path), as a shell would report a failure.

netdevsim devices a script created are deleted when it ends, so scenarios can run one after
another in the same kernel (a VM boot runs many).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import secrets
import subprocess
import sys
import time
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import attrs

from drivers.netdevsim import sysfs
from offload.script import Command, parse_script
from offload.transcript import Entry, render_json, render_text

ALLOWED_BINARIES = ("tc", "ip", "ethtool", "bpftool")
ALLOWED_PREFIXES = ("/sys/bus/netdevsim/", "/sys/kernel/debug/netdevsim/")
TOOL_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"


class BackendError(RuntimeError):
    """The backend itself could not run (no root, no ``ip``, netns creation failed)."""


def _allowed_path(path: str) -> str | None:
    """The normalised path if it is one of netdevsim's control files, else None."""
    if not path.startswith("/"):
        return None
    norm = os.path.normpath(path)
    return norm if any((norm + "/").startswith(p) for p in ALLOWED_PREFIXES) else None


@attrs.define
class KernelBackend:
    """Runs scripts on the running kernel.

    ``netns=True`` (the default) isolates each script in a namespace of its own; ``False``
    runs in the caller's namespace (only sensible in a disposable VM guest).
    ``env`` is what the tools see on top of a fixed PATH/LANG (no inherited environment)."""

    netns: bool = True
    timeout: float = 60.0
    port_timeout: float = 15.0
    env: Mapping[str, str] = attrs.field(factory=dict)
    _ns: str | None = attrs.field(default=None, init=False)
    _devices: list[int] = attrs.field(factory=list, init=False)

    # -- one script --------------------------------------------------------------------------
    def run(self, commands: Sequence[Command]) -> list[Entry]:
        """Run ``commands`` in order (every line runs, failures included) and return one
        ``Entry`` per line. The namespace and created netdevsim devices are removed after."""
        if os.geteuid() != 0:
            raise BackendError("the kernel backend needs root (network namespaces, tc)")
        self._devices = []
        self._ns = self._make_netns() if self.netns else None
        try:
            return [self._one(c) for c in commands]
        finally:
            self._cleanup()

    def _make_netns(self) -> str:
        name = f"offload-{os.getpid()}-{secrets.token_hex(3)}"
        p = subprocess.run(["ip", "netns", "add", name], capture_output=True, text=True,
                           env=self._env(), check=False)
        if p.returncode != 0:
            raise BackendError(f"ip netns add {name} failed: {p.stderr.strip()}")
        return name

    def _cleanup(self) -> None:
        for dev_id in self._devices:
            with contextlib.suppress(OSError):
                if (sysfs.BUS / "devices" / f"netdevsim{dev_id}").exists():
                    sysfs.write_file(sysfs.BUS / "del_device", str(dev_id))
        if self._ns is not None:
            subprocess.run(["ip", "netns", "del", self._ns], capture_output=True,
                           env=self._env(), check=False)
            self._ns = None

    def _env(self) -> dict[str, str]:
        return {"PATH": TOOL_PATH, "LANG": "C.UTF-8", "HOME": "/root", **self.env}

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
            return Entry(cmd.text, 127, "", f"offload: {prog}: command not allowed (allowed: "
                         f"{', '.join(ALLOWED_BINARIES)}, echo > and cat of netdevsim files)\n")
        return self._exec(cmd)

    def _exec(self, cmd: Command) -> Entry:
        ns = self._ns
        try:
            p = subprocess.run(
                list(cmd.argv), capture_output=True, text=True, env=self._env(),
                timeout=self.timeout, stdin=subprocess.DEVNULL, check=False, errors="replace",
                preexec_fn=(lambda: sysfs.enter_netns(ns)) if ns is not None else None,
            )
        except FileNotFoundError:
            return Entry(cmd.text, 127, "", f"offload: {cmd.argv[0]}: command not found\n")
        except subprocess.TimeoutExpired as exc:
            out = exc.stdout.decode() if isinstance(exc.stdout, bytes) else exc.stdout or ""
            return Entry(cmd.text, 124, out, f"offload: timed out after {self.timeout:.0f} s\n")
        return Entry(cmd.text, p.returncode, p.stdout, p.stderr)

    def _echo(self, cmd: Command) -> Entry:
        """``echo [-n] WORDS > PATH``: one write(2) of the words joined by spaces (plus a
        newline unless -n), as the shell builtin does."""
        assert cmd.redirect is not None
        path = _allowed_path(cmd.redirect)
        if path is None:
            return Entry(cmd.text, 1, "", f"offload: {cmd.redirect}: writing is only allowed "
                         f"under {' and '.join(ALLOWED_PREFIXES)}\n")
        words = list(cmd.argv[1:])
        newline = "\n"
        if words[:1] == ["-n"]:
            words, newline = words[1:], ""
        value = " ".join(words) + newline
        is_new = path == str(sysfs.BUS / "new_device")
        try:
            sysfs.write_file(path, value, self._ns if is_new else None)
        except FileNotFoundError as exc:
            return Entry(cmd.text, 1, "", f"sh: {cmd.redirect}: {exc.strerror}\n")
        except OSError as exc:
            return Entry(cmd.text, 1, "", f"sh: echo: write error: {exc.strerror}\n")
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
        return Entry(cmd.text, 0)

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
                with open(path, errors="replace") as f:
                    out.append(f.read())
            except OSError as exc:
                err.append(f"cat: {arg}: {exc.strerror}\n")
                rc = 1
        return Entry(cmd.text, rc, "".join(out), "".join(err))


# -- command line (also what the VM backend runs inside the guest) ----------------------------
def run_files(paths: Iterable[Path], env: Mapping[str, str], netns: bool = True,
              timeout: float = 60.0) -> dict[str, list[Entry]]:
    """Run each script file; returns {file stem: transcript}. ``env`` expands ``$VARS``."""
    backend = KernelBackend(netns=netns, timeout=timeout, env=dict(env))
    out: dict[str, list[Entry]] = {}
    for path in paths:
        t0 = time.monotonic()
        commands = parse_script(path.read_text().splitlines(), env)
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
              timeout: float = 60.0) -> dict[str, list[Entry]]:
    """Run already-parsed scripts ({name: [command_to_json(...)]}), in the given order."""
    backend = KernelBackend(netns=netns, timeout=timeout)
    out: dict[str, list[Entry]] = {}
    for name, cmds in batch.items():
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
    ap.add_argument("--json", action="store_true",
                    help="print {script name: [entries]} as JSON instead of text")
    ap.add_argument("--no-netns", action="store_true",
                    help="run in the current network namespace (disposable VM guests only)")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per command")
    args = ap.parse_args(argv)
    env = {"PROGS": str(args.progs)} if args.progs else {}
    if not args.scripts and args.batch is None:
        ap.error("give script files or --batch")
    try:
        results = run_files(args.scripts, env, netns=not args.no_netns, timeout=args.timeout)
        if args.batch is not None:
            results.update(run_batch(json.loads(args.batch.read_text()), netns=not args.no_netns,
                                     timeout=args.timeout))
    except BackendError as exc:
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
