"""``offload shell``: the script language interactively, or read from a pipe.

On a terminal: a prompt with readline line editing, a history file
(``~/.offload_history``) and tab completion of command words (the first word, then the
words each command takes: ``tc filter add dev ...``, device names, netdevsim paths).
On a pipe: each line runs as in a script, its output printed as a shell would (stdout and
stderr separately); the exit status is that of the last command.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Mapping
from typing import Any, TextIO

from offload.runner import COMMANDS, EmulatorBackend, Session

WORDS: dict[str, list[str]] = {
    "tc": ["qdisc", "filter", "-s", "-d", "-j", "-p"],
    "qdisc": ["add", "del", "replace", "change", "show", "dev", "ingress", "clsact",
              "ingress_block", "egress_block"],
    "filter": ["add", "del", "replace", "change", "show", "get", "dev", "block", "ingress",
               "egress", "parent", "chain", "prio", "pref", "handle", "protocol", "bpf"],
    "bpf": ["obj", "sec", "bytecode", "bytecode-file", "pinned", "da", "direct-action",
            "classid", "flowid", "skip_sw", "skip_hw", "verbose", "action", "gact"],
    "ip": ["link", "add", "del", "set", "show", "up", "down", "type", "veth", "peer", "name"],
    "ethtool": ["-K", "-k", "hw-tc-offload", "on", "off"],
    "bpftool": ["prog", "load", "show", "pinned", "type", "classifier", "dev"],
    "echo": ["/sys/bus/netdevsim/new_device", "/sys/bus/netdevsim/del_device",
             "/sys/kernel/debug/netdevsim/"],
    "cat": ["/sys/kernel/debug/netdevsim/"],
    "ls": ["/sys/bus/netdevsim/devices/", "/sys/kernel/debug/netdevsim/"],
}
PROMPT = "offload> "
HELP = ("Commands: " + ", ".join(COMMANDS) + ", help, exit.\n"
        "Each line is one command, as in a script (# comments, $VAR, echo V > PATH).\n")


def candidates(line: str, session: Session) -> list[str]:
    """Completions for the last word of ``line``."""
    words = line.split()
    if line.endswith(" ") or not words:
        words.append("")
    prefix = words[-1]
    if len(words) == 1:
        pool = [*COMMANDS, "help", "exit"]
    else:
        pool = list(WORDS.get(words[0], []))
        for w in words[1:-1]:
            pool += WORDS.get(w, [])
        if words[-2:-1] and words[-2] in ("dev", "link", "set", "-K", "-k"):
            pool = list(session.emu.net.devices)
        if prefix.startswith("/"):
            base, _, _ = prefix.rpartition("/")
            try:
                pool = [f"{base}/{n}" for n in session.ctx.vfs.listdir(base or "/")]
            except Exception:
                pool = []
    return sorted({p for p in pool if p.startswith(prefix)})


def _setup_readline(session: Session) -> Any:
    try:
        import readline
    except ImportError:  # pragma: no cover - readline is part of CPython on Linux
        return None
    hist = os.path.expanduser("~/.offload_history")
    with contextlib.suppress(OSError):
        readline.read_history_file(hist)

    def complete(text: str, state: int) -> str | None:
        opts = candidates(readline.get_line_buffer(), session)
        return opts[state] if state < len(opts) else None

    readline.set_completer_delims(" \t")
    readline.set_completer(complete)
    readline.parse_and_bind("tab: complete")
    return (readline, hist)


def run_shell(profile: str = "v6.1", env: Mapping[str, str] | None = None,
              stdin: TextIO | None = None, stdout: TextIO | None = None,
              stderr: TextIO | None = None, backend: EmulatorBackend | None = None) -> int:
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    session = (backend or EmulatorBackend(profile)).new_session(
        event_cap=Session.LONG_LIVED_EVENT_CAP)
    variables = dict(os.environ if env is None else env)
    interactive = stdin.isatty()
    rl = _setup_readline(session) if interactive else None
    rc = 0
    try:
        while True:
            try:
                line = input(PROMPT) if interactive else stdin.readline()
            except EOFError:
                break
            if not interactive and not line:
                break
            text = line.strip()
            if text in ("exit", "quit"):
                break
            if text == "help":
                stdout.write(HELP)
                continue
            entry = session.run_text(line, variables)
            if entry is None:
                continue
            stdout.write(entry.stdout)
            stderr.write(entry.stderr)
            stdout.flush()
            rc = entry.rc
    except KeyboardInterrupt:
        stdout.write("\n")
    finally:
        if rl is not None:
            readline, hist = rl
            with contextlib.suppress(OSError):
                readline.write_history_file(hist)
    return rc
