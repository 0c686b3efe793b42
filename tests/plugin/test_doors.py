"""A third-party plugin (examples/duonic) through every door that makes a card.

Each test is built so that it fails if the door ignores the driver: the script relies on
what only the duonic card does (two skip_sw programs on one port; a ``duonic:`` extack;
``-ENOSPC`` from its make-before-break replace), which the simulated NIC does not do.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from offload.cli import main

ROOT = Path(__file__).resolve().parents[2]
PROGS = ROOT / "offload" / "progs"
REPLACE = ROOT / "examples" / "duonic" / "replace.sh"
BC = "bpf skip_sw da bytecode '1,6 0 0 0,'"
#: Two skip_sw filters on one port: both in hardware on duonic (2 slots); the simulated
#: NIC (netdevsim profile) refuses unbound programs.
TWO = f"""\
echo "1 1" > /sys/bus/netdevsim/new_device
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress
tc filter add dev eth0 ingress prio 1 {BC}
tc filter add dev eth0 ingress prio 2 {BC}
"""

pytest.importorskip("duonic", reason="examples/duonic is not installed (make test installs it)")


@pytest.fixture
def two(tmp_path: Path) -> Path:
    p = tmp_path / "two.sh"
    p.write_text(TWO)
    return p


def test_run(two: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", "--strict", "--driver", "duonic", str(two)]) == 0
    assert main(["run", "--strict", str(two)]) == 1  # the simulated NIC refuses


def test_run_module_factory_and_options(two: Path) -> None:
    assert main(["run", "--strict", "--driver", "duonic.driver:make_driver", str(two)]) == 0
    assert main(["run", "--strict", "--driver", "duonic", "--driver-opt", "slots=1",
                 str(two)]) == 1  # one slot: the second add is refused


def test_run_with_report(two: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    assert main(["run", "--strict", "--driver", "duonic", "--report", str(out), str(two)]) == 0
    assert "duonic:eth0" in out.read_text()


def test_run_unknown_plugin_is_a_clear_error(two: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", "--driver", "no-such-nic", str(two)]) == 2
    err = capsys.readouterr().err
    assert "no driver plugin named 'no-such-nic'" in err and "duonic" in err
    assert main(["run", "--driver", "duonic", "--driver-opt", "nonsense", str(two)]) == 2


def test_shell(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(TWO + "tc filter show dev eth0 ingress\n"))
    main(["shell", "--driver", "duonic"])
    out = capsys.readouterr()
    assert out.out.count("in_hw") == 2 and "reject unbound" not in out.err


def test_tdc(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = [{"id": "d001", "name": "two skip_sw programs on one port", "category": ["bpf"],
             "setup": TWO.splitlines()[:4],
             "cmdUnderTest": f"$TC filter add dev $ETH ingress prio 2 {BC}",
             "expExitCode": "0",
             "verifyCmd": "$TC filter show dev $ETH ingress",
             "matchPattern": "skip_sw in_hw", "matchCount": "2", "teardown": []}]
    path = tmp_path / "d.json"
    path.write_text(json.dumps(case))
    assert main(["tdc", "--driver", "duonic", str(path)]) == 0
    assert main(["tdc", str(path)]) == 1


def test_diff_emulator_side(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "scripts").mkdir()
    (tmp_path / "expected").mkdir()
    script = tmp_path / "scripts" / "two.sh"
    script.write_text(TWO)
    # what a two-slot card gives: every line succeeds, silently
    want = [{"cmd": line, "rc": 0, "stdout": "", "stderr": ""} for line in TWO.splitlines()]
    (tmp_path / "expected" / "two.json").write_text(json.dumps(want))
    assert main(["diff", "--against", "recorded", "--driver", "duonic", str(script)]) == 0
    assert main(["diff", "--against", "recorded", str(script)]) == 1


def test_explore(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["explore", str(REPLACE), "--set", f"PROGS={PROGS}"]
    assert main([*args, "--driver", "duonic"]) == 1
    out = capsys.readouterr().out
    assert "duonic broke the callback contract" in out
    assert "--driver duonic" in out  # the rerun lines name the driver


def test_nic_add_driver_in_a_script(tmp_path: Path) -> None:
    p = tmp_path / "s.sh"
    p.write_text(TWO.replace('echo "1 1" > /sys/bus/netdevsim/new_device',
                             "nic add 1 ports 1 driver duonic"))
    assert main(["run", "--strict", str(p)]) == 0
    p.write_text(TWO.replace('echo "1 1" > /sys/bus/netdevsim/new_device',
                             "nic add 1 ports 1 driver duonic opt slots=1"))
    assert main(["run", "--strict", str(p)]) == 1


def test_emulator_api() -> None:
    from offload.emulator import Emulator
    from offload.runner import Session

    emu = Emulator(driver="duonic")
    card = emu.add_nic(ports=2)
    assert card.plugin.name == "duonic" and emu.plugin_of("eth1") is card.plugin
    other = emu.add_nic(ports=1, driver="simnic")  # the simulated NIC next to it
    assert other.plugin is None
    s = Session(emu)
    for line in TWO.splitlines()[1:]:
        assert s.run_text(line).rc == 0, line
    assert len(card.plugin.slots["eth0"]) == 2
    third = Emulator().add_nic(ports=1, driver="duonic-fixed")
    assert third.plugin.name == "duonic-fixed"


def test_pytest_fixture_and_faults(plugin_nic, offload_faults, offload_emulator) -> None:
    from offload.runner import Session

    nic = plugin_nic(ports=2, driver="duonic")
    assert nic.driver.name == "duonic" and nic.ports == ["eth0", "eth1"]
    s = Session(offload_emulator)
    assert s.run_text("tc qdisc add dev eth0 ingress").rc == 0
    assert s.run_text(f"tc filter add dev eth0 ingress prio 1 {BC}").rc == 0
    assert len(nic.held(0)) == 1
    offload_faults.fail("add", errno="EBUSY", port="eth0")  # no extra call for plugins
    e = s.run_text(f"tc filter add dev eth0 ingress prio 2 {BC}")
    assert e.rc == 2 and "injected fault" in e.stderr
    assert len(nic.held(0)) == 1 and offload_faults.fired


def test_device_bound_programs_on_a_plugin_port(tmp_path: Path) -> None:
    from offload.emulator import Emulator
    from offload.runner import Session

    s = Session(Emulator(driver="duonic"))
    env = {"PROGS": str(PROGS)}
    for line in TWO.splitlines()[:3]:
        assert s.run_text(line).rc == 0
    e = s.run_text("tc filter add dev eth0 ingress prio 1 bpf skip_sw da obj "
                   "$PROGS/tc_pass.o sec classifier", env)
    assert e.rc == 0, e.stderr
    e = s.run_text("bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/p dev eth0", env)
    assert e.rc == 0, e.stderr
    show = s.run_text("bpftool prog show pinned /sys/fs/bpf/p")
    assert "offloaded_to eth0" in show.stdout
    plugin = s.emu.plugin_of("eth0")
    assert len(plugin.bound) == 2
    s.run_text("tc filter del dev eth0 ingress prio 1 bpf")
    assert len(plugin.bound) == 1  # the freed program went through bpf_destroy


def test_a_plugin_without_bpf_hooks_gets_the_ndo_bpf_refusal() -> None:
    """Like a kernel driver without ndo_bpf: bpf_dev_offload_check's -EOPNOTSUPP."""
    from offload.emulator import Emulator
    from offload.runner import Session

    s = Session(Emulator(driver="buggynic"))
    for line in TWO.splitlines()[:3]:
        assert s.run_text(line).rc == 0
    e = s.run_text(f"tc filter add dev eth0 ingress bpf skip_sw da obj {PROGS}/tc_pass.o "
                   "sec classifier")
    assert e.rc == 1
    assert "BPF program load failed: Operation not supported" in e.stderr
    assert "driver buggynic has no BPF offload hooks" in e.stderr
    s2 = Session(Emulator(driver="duonic", driver_opts={"bpf": "0"}))  # bind_accept off
    for line in TWO.splitlines()[:3]:
        s2.run_text(line)
    e = s2.run_text(f"bpftool prog load {PROGS}/tc_pass.o /sys/fs/bpf/p dev eth0")
    assert e.rc != 0 and "Operation not supported" in e.stderr


@pytest.mark.parametrize(("driver", "rc"), [("duonic", 1), ("duonic-fixed", 0)])
def test_ci_explore_fail_on_driver(driver: str, rc: int) -> None:
    """The CI gate, as a CI job runs it: ``offload explore --fail-on driver``."""
    exe = Path(sys.executable).parent / "offload"
    proc = subprocess.run([str(exe), "explore", "--fail-on", "driver", "--driver", driver,
                           str(REPLACE), "--set", f"PROGS={PROGS}"],
                          capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == rc, proc.stdout[-2000:] + proc.stderr[-2000:]
    assert "offload explore: v6.1: single faults" in proc.stderr  # progress without a TTY


def test_the_example_authors_tests_pass() -> None:
    """examples/duonic/tests as its author runs them (the fixture, faults, the machine)."""
    p = subprocess.run([sys.executable, "-m", "pytest", "examples/duonic/tests", "-q",
                        "-p", "no:cacheprovider"], cwd=ROOT, capture_output=True, text=True,
                       timeout=600, check=False)
    assert p.returncode == 0, p.stdout[-3000:]
    assert "5 passed" in p.stdout


def test_exec(tmp_path: Path) -> None:
    """``offload exec --driver``: the rig's tc talks to the plugin's card."""
    from tests.exec.conftest import offload, sandbox_unavailable

    reason = sandbox_unavailable()
    if reason:
        pytest.skip(f"offload exec sandbox unavailable here: {reason}")
    import tempfile

    short = Path(tempfile.mkdtemp(prefix="oxd-", dir="/tmp"))  # socket paths are short
    try:
        rig = "; ".join(TWO.splitlines())
        r = offload("exec", "-q", "--driver", "duonic", "--driver-opt", "slots=2", "--",
                    "bash", "-c", rig, tmp=short)
        assert r.returncode == 0, r.stderr
        r = offload("exec", "-q", "--", "bash", "-c", rig, tmp=short)
        assert r.returncode != 0  # the simulated NIC refuses the unbound programs
    finally:
        for p in sorted(short.rglob("*"), reverse=True):
            p.unlink() if not p.is_dir() or p.is_symlink() else p.rmdir()
        short.rmdir()
