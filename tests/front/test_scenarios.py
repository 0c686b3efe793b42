"""The recorded scenarios (conformance/: c01-c35 and the x01-x11 difference classes, real
6.1.192 + netdevsim), line by line, normalised as docs/vm.md allows
(``offload.backends.normalize``: program ids, times, the programs folder, MACs)."""

from __future__ import annotations

from pathlib import Path

import pytest

from offload.backends.normalize import normalize
from offload.runner import EmulatorBackend
from offload.script import parse_script
from offload.transcript import load_json

from .conftest import SCENARIOS, needs_nsim, needs_obj

#: Lines that differ for reasons outside the front end, with the owner. They are checked
#: as xfail (non-strict), so they turn green by themselves once fixed.
KNOWN: dict[tuple[str, str], str] = {}
SCRIPTS = sorted(p.stem for p in (SCENARIOS / "scripts").glob("*.sh"))


@needs_nsim
@needs_obj
@pytest.mark.parametrize("name", SCRIPTS)
def test_scenario(name: str, progs_dir: Path) -> None:
    if "xdp" in (SCENARIOS / "scripts" / f"{name}.sh").read_text() and \
            not (progs_dir / "xdp_pass.o").exists():
        pytest.skip("xdp_pass.o could not be built (clang missing)")
    want = normalize(load_json((SCENARIOS / "expected" / f"{name}.json").read_text()))
    lines = (SCENARIOS / "scripts" / f"{name}.sh").read_text().splitlines()
    got = normalize(EmulatorBackend().run(parse_script(lines, {"PROGS": str(progs_dir)})),
                    [str(progs_dir)])
    assert len(got) == len(want)
    known = []
    for w, g in zip(want, got, strict=True):
        if (name, w.cmd) in KNOWN:
            known.append(w == g)
            continue
        assert (g.rc, g.stdout, g.stderr) == (w.rc, w.stdout, w.stderr), w.cmd
    if not all(known):
        pytest.xfail("; ".join(sorted({v for (n, _), v in KNOWN.items() if n == name})))
