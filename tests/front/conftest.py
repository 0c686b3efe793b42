"""Shared helpers for the front-end tests: the real-kernel transcripts and a runner."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from offload.runner import EmulatorBackend, Session
from offload.script import parse_script
from offload.transcript import Entry
from tests.progs import conformance_progs

#: The team's reference transcripts (p01-p05), kept in the repository.
CONFORMANCE = Path(__file__).resolve().parents[2] / "conformance" / "shared"
#: Built conformance programs; a path that does not exist when clang is missing.
PROGS = conformance_progs() or Path("/nonexistent/offload-progs")


def _emulator_has(attr: str) -> bool:
    try:
        from offload.emulator import Emulator
    except ImportError:
        return False
    return hasattr(Emulator(), attr)


#: netdevsim (the simulated driver) and ELF loading are other engineers' work; tests that
#: need them start running as soon as the emulator offers them.
needs_nsim = pytest.mark.skipif(not _emulator_has("nsim"),
                                reason="emulator has no netdevsim bus (emu.nsim) yet")
needs_obj = pytest.mark.skipif(conformance_progs() is None,
                               reason="clang is missing: the BPF test programs cannot be built")


def expected(name: str) -> list[Entry]:
    return [Entry.from_json(o) for o in
            json.loads((CONFORMANCE / "expected" / f"{name}.json").read_text())]


def script_commands(name: str):
    text = (CONFORMANCE / "scripts" / f"{name}.sh").read_text().splitlines()
    return parse_script(text, env={"PROGS": str(PROGS)})


def run_lines(*lines: str, session: Session | None = None) -> list[Entry]:
    s = session or EmulatorBackend().new_session()
    out = []
    for line in lines:
        e = s.run_text(line, {"PROGS": str(PROGS)})
        if e is not None:
            out.append(e)
    return out


def last(*lines: str) -> Entry:
    return run_lines(*lines)[-1]


_ID = re.compile(r"\b(id|\"id\":|\"id\": )\s?\d+")
_DETAIL = re.compile(r"load_time \d+ created_by_uid \d+ (btf_id \d+ )?")


def normalise(e: Entry) -> tuple[int, str, str]:
    """What legitimately differs between runs (conformance/README.md): program ids,
    the programs folder; plus the -d fields the emulator's programs do not carry."""
    def n(s: str) -> str:
        s = s.replace(str(PROGS), "$PROGS")
        s = re.sub(r"\bid \d+", "id N", s)
        s = re.sub(r"\"id\":( ?)\d+", r'"id":\1N', s)
        return _DETAIL.sub("", s)
    return e.rc, n(e.stdout), n(e.stderr)


@pytest.fixture
def session() -> Session:
    return EmulatorBackend().new_session()


SCENARIOS = Path(__file__).resolve().parents[2] / "conformance"


@pytest.fixture(scope="session")
def progs_dir() -> Path:
    """The scenario programs (tc_pass, tc_classid, xdp_pass), built with clang."""
    return PROGS
