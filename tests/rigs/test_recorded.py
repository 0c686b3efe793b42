"""What test_offload.py and tdc need of the emulator, against the real kernel's recordings.

conformance/rig-needs/scripts/r01..r06 were recorded on Linux 6.1 with netdevsim in the VM
(``python -m offload.backends.record``, with a kernel backend that also ran ``ip netns``,
``ip/tc -n`` and ls/rm/mkdir/rmdir/cat on bpffs; docs/vm.md); each is replayed on a fresh
emulator and must agree command by command once program ids, load times, MACs and the
programs folder are normalised. They live apart from conformance/scripts because the
kernel backend's allowlist now refuses their namespace lines.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from offload.backends.normalize import differences, normalize
from offload.runner import EmulatorBackend
from offload.script import parse_script
from offload.transcript import Entry
from tests.progs import conformance_progs

ROOT = Path(__file__).resolve().parents[2] / "conformance" / "rig-needs"
PROGS = conformance_progs()
needs_progs = pytest.mark.skipif(PROGS is None, reason="clang is missing: the BPF test "
                                 "programs cannot be built")


def replay(stem: str) -> list[str]:
    assert PROGS is not None
    script = next((ROOT / "scripts").glob(f"{stem}-*.sh"))
    want = [Entry.from_json(o) for o in
            json.loads((ROOT / "expected" / f"{script.stem}.json").read_text())]
    got = EmulatorBackend().run(parse_script(script.read_text().splitlines(),
                                             {"PROGS": str(PROGS)}))
    return differences(normalize(want, [str(PROGS), "$PROGS"]),
                       normalize(got, [str(PROGS), "$PROGS"]))


@needs_progs
@pytest.mark.parametrize("stem", ["r01", "r02", "r03", "r04", "r05", "r06"])
def test_recorded_script_agrees(stem: str) -> None:
    assert replay(stem) == []
