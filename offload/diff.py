"""``offload diff``: run scripts on the emulator and on a real kernel, and show where they differ.

The emulator side uses the netdevsim-exact simulated NIC and the chosen semantics profile.
The kernel side is the netdevsim VM (default), the host kernel, or a recorded transcript
(``--against recorded``: ``expected/NAME.json`` beside the script's folder, as
``conformance/`` is laid out). Both transcripts are normalised the same way
(:mod:`offload.backends.normalize`: program ids, load times, the programs folder, trailing
blanks, MACs) before they are compared command by command. The exit status is 0 only when
every script agrees.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from offload.backends.normalize import normalize
from offload.drivers_cli import add_driver_args, check_driver
from offload.runner import EmulatorBackend
from offload.script import Command, ScriptError, load_script
from offload.transcript import Entry, load_json


@attrs.frozen
class LineDiff:
    """One command whose rc, stdout or stderr differs after normalisation."""

    index: int
    cmd: str
    emulator: Entry
    kernel: Entry

    def to_json(self) -> dict[str, Any]:
        return {"index": self.index, "cmd": self.cmd, "emulator": self.emulator.to_json(),
                "kernel": self.kernel.to_json()}


@attrs.frozen
class ScriptDiff:
    name: str
    lines: tuple[LineDiff, ...]
    length_mismatch: tuple[int, int] | None = None

    @property
    def agree(self) -> bool:
        return not self.lines and self.length_mismatch is None

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "agree": self.agree,
                "differences": [d.to_json() for d in self.lines],
                "length_mismatch": list(self.length_mismatch) if self.length_mismatch else None}


def compare(name: str, emulator: Sequence[Entry], kernel: Sequence[Entry],
            progs: Sequence[str] = ()) -> ScriptDiff:
    """Normalise both transcripts and list the commands that differ."""
    a = normalize(emulator, progs)
    b = normalize(kernel, progs)
    lines = tuple(LineDiff(i, kb.cmd, ea, kb)
                  for i, (ea, kb) in enumerate(zip(a, b, strict=False), 1) if ea != kb)
    mismatch = (len(a), len(b)) if len(a) != len(b) else None
    return ScriptDiff(name, lines, mismatch)


def run_emulator(scripts: Mapping[str, Sequence[Command]], profile: str,
                 backend: EmulatorBackend | None = None) -> dict[str, list[Entry]]:
    backend = backend or EmulatorBackend(profile)
    return {name: backend.run(cmds) for name, cmds in scripts.items()}


def run_vm(scripts: Mapping[str, Sequence[Command]],
           kernel: str | None = None) -> dict[str, list[Entry]]:
    """All scripts in one boot of the netdevsim VM (``kernel``: ``6.1``, ``6.12``)."""
    from hwsim.vm import VM
    from offload.backends.vm import VMBackend

    with VM(version=kernel) as vm:
        return VMBackend(vm).run_many(scripts)


def run_kernel(scripts: Mapping[str, Sequence[Command]]) -> dict[str, list[Entry]]:
    from offload.backends.kernel import KernelBackend

    backend = KernelBackend()
    return {name: backend.run(cmds) for name, cmds in scripts.items()}


def expected_folder(kernel: str | None = None) -> str:
    """The recordings' folder name for ``kernel``: ``expected`` (6.1), ``expected-6.12``."""
    k = (kernel or "6.1").removeprefix("v")
    return "expected" if k == "6.1" else f"expected-{k}"


def recorded(paths: Mapping[str, Path], kernel: str | None = None) -> dict[str, list[Entry]]:
    """``../expected/NAME.json`` (6.1) or ``../expected-6.12/NAME.json`` next to each
    script's folder."""
    out = {}
    for name, path in paths.items():
        exp = path.parent.parent / expected_folder(kernel) / f"{path.stem}.json"
        if not exp.exists():
            raise FileNotFoundError(f"no recorded transcript for {path} (looked for {exp})")
        out[name] = load_json(exp.read_text())
    return out


def _side_by_side(d: LineDiff, width: int) -> list[str]:
    out = [f"  #{d.index} $ {d.cmd}"]
    for field in ("rc", "stdout", "stderr"):
        x, y = getattr(d.emulator, field), getattr(d.kernel, field)
        if x == y:
            continue
        left = str(x).splitlines() or [""]
        right = str(y).splitlines() or [""]
        out.append(f"    {field}:")
        for i in range(max(len(left), len(right))):
            lx = left[i] if i < len(left) else ""
            ry = right[i] if i < len(right) else ""
            mark = " " if lx == ry else "|"
            out.append(f"      {lx[:width]:<{width}} {mark} {ry[:width]}")
    return out


def render(diffs: Sequence[ScriptDiff], against: str) -> str:
    width = 58
    lines = [f"{'emulator (netdevsim profile)':<{width + 6}}   {against}"]
    for sd in diffs:
        if sd.agree:
            lines.append(f"= {sd.name}: agree")
            continue
        lines.append(f"x {sd.name}: {len(sd.lines)} command(s) differ")
        if sd.length_mismatch:
            lines.append(f"  transcripts have {sd.length_mismatch[0]} and "
                         f"{sd.length_mismatch[1]} entries")
        for d in sd.lines:
            lines.extend(_side_by_side(d, width))
    agree = sum(sd.agree for sd in diffs)
    lines.append(f"{agree}/{len(diffs)} scripts agree")
    return "\n".join(lines) + "\n"


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="offload diff",
        description="Run scripts on the emulator (netdevsim profile) and on a real kernel, "
                    "and show every command whose rc, output or error differs after "
                    "normalising program ids, load times and the programs folder. "
                    "Exit 0 only when all scripts agree.")
    p.add_argument("scripts", nargs="+", help="script files")
    p.add_argument("--against", choices=("vm", "kernel", "recorded"), default="vm",
                   help="the real side: the netdevsim VM (default), the host kernel, or the "
                        "recorded transcript ../expected/NAME.json (../expected-6.12/ with "
                        "--kernel 6.12)")
    p.add_argument("--kernel", choices=("6.1", "6.12"), default=None,
                   help="the VM's kernel, or whose recordings (default 6.1); the profile "
                        "follows it unless --profile is given")
    p.add_argument("--profile", default=None,
                   help="emulator semantics profile (default: v6.1, v6.12 with --kernel 6.12)")
    p.add_argument("--set", dest="variables", action="append", default=[],
                   metavar="VAR=VALUE", help="set a script variable (e.g. PROGS=dir)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    add_driver_args(p)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    env = dict(os.environ)
    for kv in args.variables:
        if "=" not in kv:
            print(f"offload diff: --set needs VAR=VALUE, got {kv!r}", file=sys.stderr)
            return 2
        k, v = kv.split("=", 1)
        env[k] = v
    paths: dict[str, Path] = {}
    scripts: dict[str, list[Command]] = {}
    try:
        for s in args.scripts:
            path = Path(s)
            scripts[path.stem] = load_script(s, env)
            paths[path.stem] = path
    except ScriptError as e:
        print(f"offload diff: {e}", file=sys.stderr)
        return 2
    if args.profile is None:
        args.profile = f"v{args.kernel or '6.1'}"
    bad = check_driver(args, "offload diff")
    if bad is not None:
        return bad
    try:
        emu = run_emulator(scripts, args.profile, EmulatorBackend.from_args(args))
        if args.against == "vm":
            real = run_vm(scripts, args.kernel)
        elif args.against == "kernel":
            real = run_kernel(scripts)
        else:
            real = recorded(paths, args.kernel)
    except (OSError, RuntimeError, ValueError) as e:
        print(f"offload diff: {args.against}: {e}", file=sys.stderr)
        return 2
    progs = [env["PROGS"]] if env.get("PROGS") else []
    diffs = [compare(name, emu[name], real[name], progs) for name in scripts]
    if args.json:
        print(json.dumps({"against": args.against, "profile": args.profile,
                          "kernel": args.kernel or "6.1",
                          "scripts": [d.to_json() for d in diffs]}, indent=1))
    else:
        sys.stdout.write(render(diffs, args.against))
    return 0 if all(d.agree for d in diffs) else 1
