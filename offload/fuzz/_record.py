"""Record fuzz scripts on the real kernel (the netdevsim VM) and replay them on the emulator.

The corpus is laid out like ``conformance/`` so that ``offload diff --against recorded``
reads it as is::

    conformance/fuzz/scripts/fSEED.sh      the generated script ($PROGS unexpanded)
    conformance/fuzz/expected/fSEED.json   what Linux 6.1 + netdevsim did, line by line

Recording uses the existing backends only (``hwsim.vm.VM``, ``VMBackend.run_many``): one boot,
the conformance programs built into the VM's work folder, scripts sent in chunks (each
script runs in a fresh network namespace with its own netdevsim devices; the guest deletes
them after), transcripts written with the programs folder replaced by ``$PROGS``
(``offload.backends.record.unpath``), exactly as the conformance corpus is recorded.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import attrs

from offload.backends.vm import PROJECT_ROOT
from offload.fuzz._gen import generate
from offload.transcript import Entry, load_json

CORPUS = PROJECT_ROOT / "conformance" / "fuzz"
PROG_SOURCES = PROJECT_ROOT / "conformance" / "progs"


def script_name(seed: int) -> str:
    return f"f{seed:05d}"


@attrs.frozen
class Timing:
    boot: float
    scripts: int
    commands: int
    seconds: float

    def __str__(self) -> str:
        per = self.seconds / max(1, self.scripts)
        return (f"VM boot {self.boot:.1f} s; {self.scripts} scripts ({self.commands} commands) "
                f"in {self.seconds:.1f} s = {per:.2f} s per script, "
                f"{self.seconds / max(1, self.commands):.3f} s per command")


def new_scripts(seeds: Iterable[int], out: Path) -> dict[str, str]:
    """{name: text} for the seeds whose script is not in ``out/scripts`` yet (an existing
    script is never regenerated: the generator may have grown since it was recorded)."""
    return {script_name(seed): generate(seed, tag=script_name(seed)) for seed in seeds
            if not (out / "scripts" / f"{script_name(seed)}.sh").exists()}


def record_batch(scripts: dict[str, str], out: Path, *, chunk: int = 10,
                 progress: Callable[[str], object] = print) -> Timing:
    """Run ``scripts`` ({name: text}) in one boot of the VM; for each, write
    ``out/scripts/NAME.sh`` and ``out/expected/NAME.json`` together once it is recorded.

    Scripts go to the guest ``chunk`` at a time, so a long batch keeps what it recorded if
    a later chunk fails, and a script never sits in the corpus without its recording."""
    from hwsim.vm import VM
    from offload.backends.record import build_progs, unpath, write_transcript
    from offload.backends.vm import VMBackend
    from offload.script import parse_script

    (out / "expected").mkdir(parents=True, exist_ok=True)
    (out / "scripts").mkdir(parents=True, exist_ok=True)
    names = list(scripts)
    total = commands = 0
    t_all = 0.0
    with VM() as vm:
        assert vm.work is not None
        progress(f"fuzz: VM booted in {vm.boot_seconds:.1f} s")
        progs = build_progs(PROG_SOURCES, vm.work / "progs")
        backend = VMBackend(vm)
        env = {"PROGS": str(progs)}
        for i in range(0, len(names), chunk):
            part = names[i:i + chunk]
            parsed = {n: parse_script(scripts[n].splitlines(), env) for n in part}
            t0 = time.monotonic()
            results = backend.run_many(parsed)
            dt = time.monotonic() - t0
            t_all += dt
            total += len(part)
            commands += sum(len(c) for c in parsed.values())
            for name, entries in results.items():
                write_transcript(out / "expected" / f"{name}.json", unpath(entries, progs))
                (out / "scripts" / f"{name}.sh").write_text(scripts[name])
            progress(f"fuzz: {total}/{len(names)} scripts recorded ({len(part)} in {dt:.1f} s)")
        return Timing(vm.boot_seconds, total, commands, t_all)


@attrs.frozen
class Agreement:
    """Emulator vs recording over a corpus: per script and per command."""

    scripts: dict[str, tuple[int, int]]  # name -> (commands agreeing, commands)
    by_command: dict[str, tuple[int, int]]  # command word ("tc filter add") -> (agree, total)
    differences: dict[str, list[str]]
    #: name -> the differing (recorded, emulator) entries, normalised
    pairs: dict[str, list[tuple[Entry, Entry]]] = attrs.field(factory=dict)

    @property
    def scripts_agreeing(self) -> int:
        return sum(a == n for a, n in self.scripts.values())

    @property
    def commands(self) -> tuple[int, int]:
        return (sum(a for a, _ in self.scripts.values()), sum(n for _, n in self.scripts.values()))

    def report(self, verbose: bool = False) -> str:
        a, n = self.commands
        lines = [f"scripts agreeing on every command: {self.scripts_agreeing}/{len(self.scripts)}",
                 f"commands agreeing: {a}/{n} ({100.0 * a / max(1, n):.2f}%)",
                 "per command:"]
        for word, (x, y) in sorted(self.by_command.items()):
            lines.append(f"  {word:<28} {x}/{y}")
        lines.append("per script:")
        for name, (x, y) in sorted(self.scripts.items()):
            mark = "=" if x == y else "x"
            lines.append(f"  {mark} {name} {x}/{y}")
            if verbose and x != y:
                lines += ["      " + ln for d in self.differences[name] for ln in d.splitlines()]
        return "\n".join(lines) + "\n"


def command_word(cmd: str) -> str:
    """What a line is, for the per-command table: ``tc filter add``, ``echo > knob``..."""
    w = [x for x in cmd.split() if not x.startswith("-")]
    if not w:
        return "?"
    if w[0] == "tc":
        return " ".join(w[:3])
    if w[0] == "ip":
        if "xdpoffload" in w:
            return "ip link set xdpoffload"
        return " ".join(w[:3])
    if w[0] in ("ethtool",):
        return "ethtool -k" if " -k " in f" {cmd} " else "ethtool -K"
    if w[0] == "bpftool":
        return " ".join(w[:3])
    if w[0] == "echo":
        return f"echo > {cmd.rsplit('/', 1)[-1]}"
    if w[0] == "cat":
        return f"cat {cmd.rsplit('/', 1)[-1]}"
    return w[0]


def replay(corpus: Path = CORPUS, progs: Path | None = None, profile: str = "v6.1",
           names: Sequence[str] = ()) -> Agreement:
    """Run every recorded script of ``corpus`` on the emulator and compare (normalised)."""
    from offload.backends.normalize import differences, normalize
    from offload.runner import EmulatorBackend
    from offload.script import parse_script

    env = {"PROGS": str(progs)} if progs else {}
    scripts: dict[str, tuple[int, int]] = {}
    words: Counter[str] = Counter()
    agree_words: Counter[str] = Counter()
    diffs: dict[str, list[str]] = {}
    pairs: dict[str, list[tuple[Entry, Entry]]] = {}
    backend = EmulatorBackend(profile)
    for exp in sorted((corpus / "expected").glob("*.json")):
        if names and not any(exp.stem.startswith(n) for n in names):
            continue
        script = corpus / "scripts" / f"{exp.stem}.sh"
        want = normalize(load_json(exp.read_text()), [str(progs)] if progs else [])
        cmds = parse_script(script.read_text().splitlines(), env)
        got = normalize(backend.run(cmds), [str(progs)] if progs else [])
        ok = 0
        pairs[exp.stem] = []
        for w, g in zip(want, got, strict=False):
            word = command_word(w.cmd)
            words[word] += 1
            if w == g:
                ok += 1
                agree_words[word] += 1
            else:
                pairs[exp.stem].append((w, g))
        scripts[exp.stem] = (ok if len(want) == len(got) else min(ok, len(want) - 1), len(want))
        diffs[exp.stem] = differences(want, got)
    return Agreement(scripts, {w: (agree_words[w], n) for w, n in words.items()}, diffs,
                     pairs)


def load_expected(path: Path) -> list[Entry]:
    return load_json(path.read_text())
