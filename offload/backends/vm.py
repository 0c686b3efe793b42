"""Run scripts on the real kernel inside the netdevsim VM, with the same transcript format.

The guest sees the project and the host's Python read-only, so it runs **this project's own
kernel backend** (``offload.backends.kernel``, with its allowlist) with the host's Python and
venv: the parsed scripts go into the control folder (read-only for the guest) as JSON, one
guest command (``python -m offload.backends.kernel --batch``) runs them all, and its JSON
answer comes back. Parsing (``$PROGS`` expansion included) happens on the host, so the guest
runs exactly the argument lists the host parsed. The guest appends each entry to a progress
file in the work folder as it goes: when the guest dies mid-run, :class:`VMError` carries
the entries of the lines that did run (``partial``).

Each script runs in a fresh network namespace in the guest, like on the host: netdevsim
ports are created there (``new_device`` is written from inside it), shared block indexes and
veths vanish with it, and the created netdevsim devices are deleted at the end of the script.
So many scenarios run one after another in one boot without seeing each other.
"""

from __future__ import annotations

import json
import os
import secrets
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

import attrs

from hwsim.vm import VM, VMError
from hwsim.vm._machine import read_guest_file
from offload.backends._lifecycle import Interrupted
from offload.backends.kernel import command_to_json
from offload.script import Command, parse_script, split_lines
from offload.transcript import Entry

PROJECT_ROOT = Path(__file__).resolve().parents[2]


@attrs.define
class VMBackend:
    """Scripts -> transcripts, on the kernel booted in ``vm`` (already started)."""

    vm: VM
    timeout: float = 60.0
    last_seconds: float = 0.0

    def run(self, commands: Sequence[Command]) -> list[Entry]:
        """One script (a list of parsed commands) -> its transcript."""
        return self.run_many({"script": commands})["script"]

    def run_many(self, scripts: Mapping[str, Sequence[Command]],
                 read_roots: Sequence[str] = ()) -> dict[str, list[Entry]]:
        """Several scripts in one guest call, in order; {name: transcript}. ``read_roots``
        are folders the guest's tools may read (the work folder always is)."""
        if self.vm.work is None:
            raise VMError("the VM is not started")
        batch = {name: [command_to_json(c) for c in cmds] for name, cmds in scripts.items()}
        tag = f"batch-{time.monotonic_ns()}-{secrets.token_hex(4)}"
        path = self.vm.put_file(f"{tag}.json", json.dumps(batch))
        progress = f"{tag}.progress"
        budget = self.timeout * max(1, sum(len(c) for c in scripts.values())) + 60
        roots = [str(self.vm.work), *read_roots, *(str(p) for p in self.vm.shares)]
        argv = [sys.executable, "-m", "offload.backends.kernel", "--json", "--batch", str(path),
                "--timeout", str(self.timeout), "--progress", str(self.vm.work / progress)]
        for r in roots:
            argv += ["--read-root", r]
        t0 = time.monotonic()
        try:
            r = self.vm.run(argv, cwd=str(PROJECT_ROOT), env={"PYTHONPATH": str(PROJECT_ROOT)},
                            timeout=budget)
        except (VMError, Interrupted) as exc:  # the guest died, or a signal stops the run
            exc.partial = self._progress(progress)
            raise
        finally:
            path.unlink(missing_ok=True)
        self.last_seconds = time.monotonic() - t0
        if r.rc != 0:
            raise VMError(f"the kernel backend failed in the guest (rc {r.rc}):\n{r.stderr}",
                          partial=self._progress(progress))
        data = json.loads(r.stdout)
        return {name: [Entry.from_json(o) for o in data[name]] for name in scripts}

    def _progress(self, name: str) -> list[Entry]:
        """The entries the guest reported before it stopped (all scripts, in order)."""
        if self.vm.work is None:
            return []
        try:
            text = read_guest_file(self.vm.work, name).decode("utf-8", "replace")
        except OSError:
            return []
        out = []
        for line in text.split("\n"):
            try:
                o = json.loads(line)
                if isinstance(o, dict) and "cmd" in o:
                    out.append(Entry.from_json(o))
            except (ValueError, KeyError, TypeError):
                continue
        return out

    def run_files(self, paths: Sequence[Path], env: Mapping[str, str]) -> dict[str, list[Entry]]:
        """Script files -> {file stem: transcript}; ``env`` expands ``$VARS`` (``$PROGS``)."""
        roots = [v for v in env.values() if v.startswith("/") and os.path.isdir(v)]
        return self.run_many({p.stem: parse_script(split_lines(p.read_text()), env)
                              for p in paths}, roots)
