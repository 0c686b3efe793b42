"""The explorer: fault classes, determinism, parallelism, minimization, quirk naming."""

from __future__ import annotations

import json

import pytest

from core.errors import errno_name
from offload.explore import ExploreConfig, ExploreOptions, explore, run_commands
from offload.explore import main as explore_main
from offload.explore._cases import FAULT_CLASSES, RESET, Case, Fault, Site, with_faults
from offload.explore._engine import reproduces, signature
from offload.explore._label import kind_label
from offload.runner import EmulatorBackend
from tests.explore.conftest import ONE_PORT, SCENARIOS, scenario, script


def _kinds(result, profile: str) -> set[str]:
    return {kind_label(r.signature) for r in result.reproductions if r.signature[0] == profile}


@pytest.mark.parametrize("fclass", FAULT_CLASSES)
def test_each_fault_class_is_injected_at_its_site(one_port, fclass: str) -> None:
    site = Site(4, "eth0", 1)  # the add of line 5
    run = run_commands(with_faults(one_port, [Fault(site, fclass)]), ExploreConfig())
    adds = [e for e in run.emu.log.events if e.op == "add"]
    assert adds and adds[0].ret < 0
    if fclass == "raise":
        assert adds[0].raised and "InjectedFault" in adds[0].raised
    else:
        assert errno_name(-adds[0].ret) == fclass
    assert run.steps[5].entry.rc == 2  # the add line failed, as tc reports it


def test_reset_between_steps_is_blamed_on_the_injection(one_port) -> None:
    run = run_commands(with_faults(one_port, [Fault(Site(4, "all", 0), RESET)]),
                       ExploreConfig())
    assert run.steps[5].cmd.text == "fault all reset now" and run.steps[5].entry.rc == 0
    found = [v for v in run.steps[5].new]
    assert found and {v.blame for v in found} == {"injected"}


def test_same_seed_same_result(one_port) -> None:
    opts = ExploreOptions(profiles=("v6.1",), pairs=True, seed=3, max_pairs=10)
    a, b = explore(one_port, opts), explore(one_port, opts)
    assert a.outcomes == b.outcomes and a.reproductions == b.reproductions
    assert sum(len(o.case.faults) == 2 for o in a.outcomes) == 10  # sampled to the bound


def test_jobs_2_equals_jobs_1(one_port) -> None:
    serial = explore(one_port, ExploreOptions(profiles=("v6.1", "v5.2")))
    parallel = explore(one_port, ExploreOptions(profiles=("v6.1", "v5.2"), jobs=2))
    assert parallel.outcomes == serial.outcomes
    assert parallel.reproductions == serial.reproductions


def test_single_cases_cover_every_invocation_and_class(one_port) -> None:
    result = explore(one_port, ExploreOptions(profiles=("v6.1",), minimize=False))
    faulted = [o.case for o in result.outcomes if o.case.faults]
    invocations = 3  # bind, add, remove
    resets = 1  # only after lines where the hardware holds something (the add), not last
    assert len(faulted) == invocations * len(FAULT_CLASSES) + resets
    assert Case() in [o.case for o in result.outcomes]


def test_minimized_reproduction_reproduces_with_offload_run(one_port) -> None:
    result = explore(one_port, ExploreOptions(profiles=("v6.1",)))
    assert result.reproductions
    for r in result.reproductions:
        cfg = ExploreConfig(profile=r.signature[0])
        assert reproduces(r.commands, r.signature, cfg)
        assert len(r.commands) <= len(one_port) + len(r.case.faults)
        # the same lines through the runner `offload run` uses: every fault line runs
        entries = EmulatorBackend(r.signature[0]).run(list(r.commands))
        assert all(e.rc == 0 for e in entries if e.cmd.startswith("fault "))


def test_minimizer_drops_unneeded_lines() -> None:
    text = ONE_PORT.replace("tc qdisc add dev eth0 ingress\n",
                            "tc qdisc add dev eth0 ingress\necho N > /sys/kernel/debug/"
                            "netdevsim/netdevsim1/ports/0/bpf_xdpdrv_accept\n")
    result = explore(script(text), ExploreOptions(profiles=("v6.1",)))
    for r in result.reproductions:
        assert not any("bpf_xdpdrv_accept" in c.text for c in r.commands)


def test_quirk_c_only_in_v52_and_rolled_back_once_only_in_v61() -> None:
    result = explore(scenario("s2-replace-rollback.sh"),
                     ExploreOptions(profiles=("v6.1", "v5.2"), classes=("EBUSY",)))
    v52, v61 = _kinds(result, "v5.2"), _kinds(result, "v6.1")
    assert any("quirk C" in k for k in v52) and not any("quirk C" in k for k in v61)
    assert any("rolls back once" in k for k in v61)
    assert not any("rolls back once" in k for k in v52)
    base = [r for r in result.reproductions if "quirk C" in kind_label(r.signature)]
    assert base[0].case == Case()  # a kernel quirk, found without any injected fault


def test_quirk_b_with_a_rejecting_port_in_both_profiles() -> None:
    result = explore(scenario("s1-shared-block-bind-reject.sh"),
                     ExploreOptions(profiles=("v6.1", "v5.2"), classes=("EIO",)))
    for profile in ("v6.1", "v5.2"):
        assert "kernel quirk B(a)" in _kinds(result, profile)
    result = explore(scenario("s4-unbind-with-filters.sh"),
                     ExploreOptions(profiles=("v6.1",), classes=("EIO",)))
    assert "kernel quirk B(b)" in _kinds(result, "v6.1")


def test_quirk_d_and_driver_faults_are_told_apart() -> None:
    result = explore(scenario("s5-device-removal.sh"),
                     ExploreOptions(profiles=("v6.1",), classes=("EOPNOTSUPP",)))
    kinds = _kinds(result, "v6.1")
    # the removed device's unbind refused: the core ignores it and keeps its callbacks
    assert "kernel: unbind errors ignored" in kinds
    assert "injected device reset" in kinds
    for r in result.reproductions:
        if r.signature[2] == "kernel":
            assert "injected" not in kind_label(r.signature)


def test_plugin_driver_by_module_name(one_port) -> None:
    driver = "tests.explore.plugin_driver:make"
    run = run_commands(one_port, ExploreConfig(driver=driver))
    assert [i.kind for i in run.trace.invocations] == ["bind", "add", "remove"]
    assert run.emu.net.dev("eth0").driver.name == "plugnic"
    result = explore(one_port, ExploreOptions(profiles=("v6.1",), driver=driver))
    assert any(r.signature[1] == "no-leak" for r in result.reproductions)  # failed remove
    assert {r.signature[1] for r in result.reproductions} >= {"bookkeeping-matches-hardware"}


def test_cli_json(tmp_path, capsys) -> None:
    path = tmp_path / "s.sh"
    path.write_text(ONE_PORT)
    repro = tmp_path / "repro"
    assert explore_main([str(path), "--json", "--profile", "both",
                         "--repro-dir", str(repro)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["cases_by_profile"].keys() == {"v6.1", "v5.2"}
    assert out["violations"] and all(v["reproduction"] for v in out["violations"])
    assert len(list(repro.glob("repro-*.sh"))) == len(out["violations"])


def test_cli_through_offload_command(tmp_path, capsys) -> None:
    from offload.cli import main

    path = tmp_path / "s.sh"
    path.write_text(ONE_PORT)
    assert main(["explore", str(path)]) == 0
    out = capsys.readouterr().out
    assert "distinct violations" in out and "kernel: remove errors ignored" in out


def test_signature_is_profile_qualified() -> None:
    commands = script((SCENARIOS / "s1-shared-block-bind-reject.sh").read_text())
    sigs = {p: {signature(v) for s in run_commands(commands, ExploreConfig(profile=p)).steps
                for v in s.new} for p in ("v6.1", "v5.2")}
    assert sigs["v6.1"].isdisjoint(sigs["v5.2"])
