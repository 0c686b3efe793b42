from __future__ import annotations

from pathlib import Path

import pytest

from offload.emulator import Emulator
from offload.runner import Session

PROGS = Path(__file__).resolve().parents[2] / "offload" / "progs"


class Rig:
    """An emulator plus its command session; ``sh(line)`` returns (rc, stdout, stderr)."""

    def __init__(self, profile: str = "v6.1", nic: str = "netdevsim") -> None:
        self.emu = Emulator(profile=profile, nic_profile=nic)
        self.session = Session(self.emu)

    def sh(self, line: str) -> tuple[int, str, str]:
        e = self.session.run_text(line, {"PROGS": str(PROGS)})
        assert e is not None
        return e.rc, e.stdout, e.stderr

    def ok(self, *lines: str) -> None:
        for line in lines:
            rc, _out, err = self.sh(line)
            assert rc == 0, f"{line}: rc {rc}: {err}"

    def port(self, name: str):
        return self.emu.port(name)


@pytest.fixture
def rig() -> Rig:
    return Rig()


@pytest.fixture(params=["netdevsim", "smartnic"])
def anyrig(request: pytest.FixtureRequest) -> Rig:
    return Rig(nic=request.param)
