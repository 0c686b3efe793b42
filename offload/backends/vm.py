"""Run scripts on the real kernel inside the netdevsim VM, with the same transcript format.

The guest sees the host's root read-only, so it runs **this project's own kernel backend**
(``offload.backends.kernel``) with the host's Python and venv: the parsed scripts go into the
shared work folder as JSON, one guest command (``python -m offload.backends.kernel --batch``)
runs them all, and its JSON answer comes back. Parsing (``$PROGS`` expansion included) happens
on the host, so the guest runs exactly the argument lists the host parsed.

Each script runs in a fresh network namespace in the guest, like on the host: netdevsim
ports are created there (``new_device`` is written from inside it), shared block indexes and
veths vanish with it, and the created netdevsim devices are deleted at the end of the script.
So many scenarios run one after another in one boot without seeing each other.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

import attrs

from hwsim.vm import VM, VMError
from offload.backends.kernel import command_to_json
from offload.script import Command, parse_script
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

    def run_many(self, scripts: Mapping[str, Sequence[Command]]) -> dict[str, list[Entry]]:
        """Several scripts in one guest call, in order; {name: transcript}."""
        if self.vm.work is None:
            raise VMError("the VM is not started")
        batch = {name: [command_to_json(c) for c in cmds] for name, cmds in scripts.items()}
        tag = f"batch-{time.monotonic_ns()}.json"
        path = self.vm.work / tag
        path.write_text(json.dumps(batch))
        budget = self.timeout * max(1, sum(len(c) for c in scripts.values())) + 60
        t0 = time.monotonic()
        try:
            r = self.vm.run(
                [sys.executable, "-m", "offload.backends.kernel", "--json", "--batch", str(path),
                 "--timeout", str(self.timeout)],
                cwd=str(PROJECT_ROOT), env={"PYTHONPATH": str(PROJECT_ROOT)}, timeout=budget,
            )
        finally:
            path.unlink(missing_ok=True)
        self.last_seconds = time.monotonic() - t0
        if r.rc != 0:
            raise VMError(f"the kernel backend failed in the guest (rc {r.rc}):\n{r.stderr}")
        data = json.loads(r.stdout)
        return {name: [Entry.from_json(o) for o in data[name]] for name in scripts}

    def run_files(self, paths: Sequence[Path], env: Mapping[str, str]) -> dict[str, list[Entry]]:
        """Script files -> {file stem: transcript}; ``env`` expands ``$VARS`` (``$PROGS``)."""
        return self.run_many({p.stem: parse_script(p.read_text().splitlines(), env)
                              for p in paths})
