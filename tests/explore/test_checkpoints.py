"""Cases resumed from checkpoints of their fault-free prefix give byte-identical results
and reports to cases that replay the prefix (issue 15)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from offload.explore import ExploreConfig, ExploreOptions, explore, to_json
from offload.explore._exec import Checkpoint, _Run, checkpointable
from tests.explore.conftest import ONE_PORT, SCENARIOS, script

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "bench" / "scripts" / "explore-30.sh"


def _both(cmds, **kw):
    on = explore(cmds, ExploreOptions(checkpoints=True, **kw))
    off = explore(cmds, ExploreOptions(checkpoints=False, **kw))
    return on, off


def _same(on, off) -> None:
    assert on.outcomes == off.outcomes
    assert json.dumps(to_json(on), sort_keys=True) == json.dumps(to_json(off), sort_keys=True)
    assert [r.script_text() for r in on.reproductions] == \
        [r.script_text() for r in off.reproductions]


def test_benchmark_script_single_faults_both_profiles() -> None:
    cmds = script(BENCH.read_text())
    on, off = _both(cmds, profiles=("v6.1", "v5.2"), minimize=False)
    assert on.cases_run > 200
    _same(on, off)


def test_pairs_with_minimisation() -> None:
    on, off = _both(script(ONE_PORT), pairs=True, profiles=("v6.1", "v5.2"))
    assert any(len(o.case.faults) == 2 for o in on.outcomes)
    _same(on, off)


@pytest.mark.parametrize("name", sorted(p.name for p in SCENARIOS.glob("*.sh"))[:4])
def test_example_scenarios(name: str) -> None:
    cmds = script((SCENARIOS / name).read_text())
    if not checkpointable(cmds, ExploreConfig()):
        pytest.skip(f"{name} runs the datapath: its cases always replay")
    _same(*_both(cmds, minimize=False))


def test_restored_state_is_private_to_each_case() -> None:
    cmds = script(ONE_PORT)
    run = _Run(ExploreConfig())
    for i in range(4):
        run.step(i, cmds[i], False)
    cp = Checkpoint(run, [])
    a, b = cp.restore(), cp.restore()
    assert a.emu is not b.emu and a.emu.net is not b.emu.net
    a.step(4, cmds[4], False)  # the add reaches a's hardware only
    held = [len(p.hw.tc_slots()) for drv in b.emu.nsim.devices.values() for p in drv.ports]
    assert held == [0]
    assert len(a.shim.trace.invocations) > len(b.shim.trace.invocations)
    assert a.shim.rebind() is None and a.shim._wrapped


def test_datapath_and_plugins_replay() -> None:
    cfg = ExploreConfig()
    assert not checkpointable(script("send eth0 hex 00\n"), cfg)
    assert not checkpointable(script(ONE_PORT), ExploreConfig(driver="buggy:make"))
    assert checkpointable(script(ONE_PORT), cfg)


def _conformance(name: str):
    from tests.progs import conformance_progs

    progs = conformance_progs()
    if progs is None:
        pytest.skip("clang cannot build the conformance objects here")
    from offload.script import parse_script

    text = (ROOT / "conformance" / "scripts" / name).read_text()
    return parse_script(text.splitlines(), {"PROGS": str(progs)})


@pytest.mark.parametrize("name", ["c02-skip-sw-offloaded.sh", "c14-rollback-replace.sh",
                                  "c07-skip-sw-and-skip-hw.sh",
                                  "c27-verifier-knobs.sh"])
def test_conformance_scripts_with_objects(name: str) -> None:
    """ELF programs (loaded, bound, verified) are shared by checkpoints: still the same."""
    cmds = _conformance(name)
    assert any(" obj " in c.text for c in cmds)
    _same(*_both(cmds, minimize=False, profiles=("v6.1", "v5.2")))
