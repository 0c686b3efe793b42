"""A fault case that stops early, once its state is the fault-free run's or another case's
again, gives exactly the results of running all its steps (issue 15)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from offload.explore import to_json
from offload.explore._cases import Fault, Site, with_faults
from offload.explore._engine import ExploreOptions, _handover, _prefixes, explore
from offload.explore._exec import ExploreConfig, Prefixes, _Run, run_commands, state_key
from tests.explore.conftest import ONE_PORT, SCENARIOS, script

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "bench" / "scripts" / "explore-30.sh"


def _both(cmds, **kw):
    on = explore(cmds, ExploreOptions(early_stop=True, **kw))
    off = explore(cmds, ExploreOptions(early_stop=False, **kw))
    return on, off


def _same(on, off) -> None:
    assert on.outcomes == off.outcomes
    assert json.dumps(to_json(on), sort_keys=True) == json.dumps(to_json(off), sort_keys=True)
    assert [r.script_text() for r in on.reproductions] == \
        [r.script_text() for r in off.reproductions]


def test_benchmark_script_single_faults_three_profiles() -> None:
    cmds = script(BENCH.read_text())
    _same(*_both(cmds, profiles=("v6.12", "v6.1", "v5.2"), minimize=False))


def test_benchmark_script_pairs() -> None:
    cmds = script(BENCH.read_text())
    on, off = _both(cmds, pairs=True, max_pairs=300, minimize=False)
    assert any(len(o.case.faults) == 2 for o in on.outcomes)
    _same(on, off)


def test_pairs_with_minimisation_without_checkpoints() -> None:
    on, off = _both(script(ONE_PORT), pairs=True, profiles=("v6.1", "v5.2"), checkpoints=False)
    _same(on, off)


@pytest.mark.parametrize("name", sorted(p.name for p in SCENARIOS.glob("*.sh"))[:4])
def test_example_scenarios(name: str) -> None:
    _same(*_both(script((SCENARIOS / name).read_text()), minimize=False))


@pytest.mark.parametrize("name", ["c14-rollback-replace.sh", "c25-shared-block-replace-rollback.sh",
                                  "c29-device-removal-shared-block.sh"])
def test_conformance_scripts_with_objects(name: str) -> None:
    from tests.progs import conformance_progs

    progs = conformance_progs()
    if progs is None:
        pytest.skip("clang cannot build the conformance objects here")
    from offload.script import parse_script

    text = (ROOT / "conformance" / "scripts" / name).read_text()
    cmds = parse_script(text.splitlines(), {"PROGS": str(progs)})
    _same(*_both(cmds, minimize=False, profiles=("v6.1", "v5.2")))


def test_cases_do_stop_early() -> None:
    """Not a vacuous equality: most cases of the benchmark script end before their last
    command ran (the emulator's step count is where the case stopped)."""
    from offload.explore import _engine as explore_engine
    from offload.explore._cases import single_cases

    cmds = tuple(script(BENCH.read_text()))
    cfg = ExploreConfig()
    explore_engine.forget_checkpoints()
    _, sites = explore_engine.baseline(cmds, cfg)
    stopped = 0
    cases = single_cases(sites, len(cmds))[::7]
    for case in cases:
        cmds_f = with_faults(cmds, case.faults)
        run = run_commands(cmds_f, cfg, snapshots=False,
                           handover=_handover(_prefixes(cmds, cfg), case))
        full = run_commands(cmds_f, cfg, snapshots=False)
        assert [(s.index, s.cmd, s.entry.rc, s.violations, s.new) for s in run.steps] == \
            [(s.index, s.cmd, s.entry.rc, s.violations, s.new) for s in full.steps]
        stopped += run.emu.log.step < len(cmds_f)
    assert stopped > len(cases) // 2


def test_state_key_is_the_state() -> None:
    """Two fault-free runs have equal keys at every step; a case that injected a fault
    has another key until its state is back, and never equal to one a step apart."""
    cmds = script(ONE_PORT)
    a, b = _Run(ExploreConfig()), _Run(ExploreConfig())
    keys = []
    for i, cmd in enumerate(cmds):
        a.step(i, cmd, False)
        b.step(i, cmd, False)
        assert state_key(a) == state_key(b) is not None
        keys.append(state_key(a))
    assert len(set(keys)) == len(keys)
    # -EBUSY on the skip_sw add: the filter is not there after line 5, as before it
    fault = Fault(Site(4, "eth0", 1), "EBUSY")
    cmds_f = with_faults(cmds, [fault])
    c = _Run(ExploreConfig())
    for i, cmd in enumerate(cmds_f):
        c.step(i, cmd, False)
    assert c.emu.faults.rules and state_key(c) == keys[-1]  # the spent rule does not count


def test_reference_is_built_once_per_script() -> None:
    cmds = tuple(script(ONE_PORT))
    p = Prefixes(cmds, ExploreConfig())
    assert p.reference() is p.reference()
    assert [s.entry.rc for s in p.reference().steps] == \
        [s.entry.rc for s in run_commands(cmds, ExploreConfig(), snapshots=False).steps]
